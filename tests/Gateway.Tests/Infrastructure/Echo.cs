using System.Net.Http.Json;

namespace NewsPlatform.Gateway.Tests.Infrastructure;

/// <summary>What a stand-in service saw of a request, as it answers it.</summary>
public sealed record Echo(
    string Service,
    string Instance,
    string Method,
    string Path,
    string Query,
    string? Authorization,
    string? Identity,
    string? ForwardedFor,
    string? ForwardedProto,
    string? ForwardedHost,
    string? OriginalFor,
    string? CorrelationId,
    string? TraceParent,
    long BodyLength)
{
    public string PathAndQuery => Path + Query;

    public static async Task<Echo> ReadAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<Echo>()
        ?? throw new InvalidOperationException("The response carried no echo body.");
}
