using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace NewsPlatform.Trending.Ingest;

/// <summary>The beacon's body: <c>{ "articleId": "…" }</c>.</summary>
public sealed record ViewRequest(Guid? ArticleId);

/// <summary>
/// Reads a beacon body by hand: <c>navigator.sendBeacon</c> posts a string as <c>text/plain</c>, which
/// minimal-API JSON binding refuses, and a beacon body never needs more than a few bytes.
/// </summary>
public static class ViewBeacon
{
    public const int MaxBytes = 1024;

    public static async Task<(Guid ArticleId, ProblemHttpResult? Problem)> ReadAsync(
        HttpRequest request, JsonSerializerOptions json, CancellationToken cancellationToken)
    {
        if (!IsJsonOrText(request.ContentType))
            return Fail(StatusCodes.Status415UnsupportedMediaType,
                $"Send the view as application/json (or text/plain from navigator.sendBeacon), not '{request.ContentType}'.");
        if (request.ContentLength > MaxBytes) return TooLarge();

        var read = await request.BodyReader.ReadAtLeastAsync(MaxBytes + 1, cancellationToken);
        try
        {
            return read.Buffer.Length > MaxBytes ? TooLarge() : Parse(read.Buffer, json);
        }
        finally
        {
            request.BodyReader.AdvanceTo(read.Buffer.End);
        }
    }

    static (Guid, ProblemHttpResult?) Parse(ReadOnlySequence<byte> body, JsonSerializerOptions json)
    {
        if (body.IsEmpty) return Fail(StatusCodes.Status400BadRequest, "The body is empty; send { \"articleId\": \"<article id>\" }.");
        try
        {
            var reader = new Utf8JsonReader(body);
            var view = JsonSerializer.Deserialize<ViewRequest>(ref reader, json);
            return view?.ArticleId is { } id && id != Guid.Empty
                ? (id, null)
                : Fail(StatusCodes.Status400BadRequest, "'articleId' is required: the id of the article being read.");
        }
        catch (JsonException ex)
        {
            return Fail(StatusCodes.Status400BadRequest,
                $"The JSON body is not valid at '{ex.Path ?? "$"}': {ex.Message.Split(" Path:", 2)[0]}");
        }
    }

    static bool IsJsonOrText(string? contentType) =>
        string.IsNullOrEmpty(contentType) ||
        contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) ||
        contentType.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase);

    static (Guid, ProblemHttpResult?) TooLarge() =>
        Fail(StatusCodes.Status413PayloadTooLarge, $"A view beacon is at most {MaxBytes} bytes.");

    static (Guid, ProblemHttpResult?) Fail(int status, string detail) =>
        (Guid.Empty, TypedResults.Problem(detail: detail, statusCode: status, title: "The view beacon is not valid"));
}
