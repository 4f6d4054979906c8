using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace NewsPlatform.Authoring.Tests.Import.Integration;

public static class ImportRequests
{
    public static Task<HttpResponseMessage> ImportAsync(this HttpClient client, string text, bool publish = true) =>
        client.PostAsync(publish ? "/api/authoring/import?publish=true" : "/api/authoring/import",
            new StringContent(text, Encoding.UTF8, "text/plain"));

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static string[] Strings(this JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}
