using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsPlatform.Authoring.Tests.Integration;

/// <summary>Small helpers for driving the article API the way a client would.</summary>
public static class Api
{
    public const string Articles = "/api/authoring/articles";

    public static object Draft(string headline = "Harbour bridge reopens after storm", string section = "News") => new
    {
        headline,
        standfirst = "Traffic flows again across the harbour.",
        body = "The bridge **reopened** on Tuesday.\n\n## What happened\n\nA storm closed it.",
        section,
        authors = new[] { "Camilla Jessen" },
        tags = new[] { "weather" },
    };

    public static async Task<JsonObject> CreateAsync(HttpClient client, object? draft = null)
    {
        var response = await client.PostAsJsonAsync(Articles, draft ?? Draft());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await JsonAsync(response);
    }

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    public static async Task<JsonArray> ArrayAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();

    public static Guid Id(JsonObject article) => article["id"]!.GetValue<Guid>();

    public static long Version(JsonObject article) => article["version"]!.GetValue<long>();

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, Guid id, string action, object? body = null) =>
        client.PostAsJsonAsync($"{Articles}/{id}/{action}", body ?? new { });

    /// <summary>Posts a workflow step and insists it succeeded, returning the article after it.</summary>
    public static async Task<JsonObject> StepAsync(HttpClient client, Guid id, string action, object? body = null)
    {
        var response = await PostAsync(client, id, action, body);
        Assert.True(response.IsSuccessStatusCode, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await JsonAsync(response);
    }

    public static async Task<JsonObject> PublishedAsync(HttpClient editor, object? draft = null)
    {
        var article = await CreateAsync(editor, draft);
        return await StepAsync(editor, Id(article), "publish");
    }

    public static Task<HttpResponseMessage> PutAsync(HttpClient client, Guid id, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"{Articles}/{id}") { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    public static async Task<JsonObject> GetAsync(HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"{Articles}/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await JsonAsync(response);
    }

    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(text)!.AsObject();
    }

    public static string Json(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });

    public static EntityTagHeaderValue? ETag(HttpResponseMessage response) => response.Headers.ETag;
}
