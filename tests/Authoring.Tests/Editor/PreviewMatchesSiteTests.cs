using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using NewsPlatform.TestKit;

namespace NewsPlatform.Authoring.Tests.Editor;

/// <summary>
/// What the editor's preview shows is what readers get: Authoring and ReaderFeed as real processes on real
/// PostgreSQL and RabbitMQ; every body of the corpus is previewed in the editor, published, and read back from the
/// site's article API. The two HTML texts are equal, and nothing hostile is left in them.
/// </summary>
public sealed class PreviewMatchesSiteTests : IAsyncLifetime
{
    TestInfrastructure _infrastructure = null!;

    public async Task InitializeAsync() => _infrastructure = await TestInfrastructure.CreateAsync();

    public async Task DisposeAsync() => await _infrastructure.DisposeAsync();

    [Fact]
    public async Task The_editor_preview_of_every_body_equals_the_body_readers_get_and_no_payload_survives()
    {
        await using var readerFeed = await ServiceProcess.StartAsync("services/ReaderFeed", "NewsPlatform.ReaderFeed", Settings());
        await using var authoring = await ServiceProcess.StartAsync("services/Authoring", "NewsPlatform.Authoring", Settings());
        using var editor = new HttpClient { BaseAddress = authoring.BaseAddress };
        editor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("editor", "desk@newsplatform.test"));
        var run = Guid.NewGuid().ToString("N")[..6];

        var articles = new List<(string Name, string PreviewHtml, Guid Id)>();
        foreach (var (name, markdown) in MarkdownCorpus.All)
        {
            var preview = await editor.PostAsJsonAsync("/editor/api/preview", new { markdown });
            Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
            var previewHtml = (await preview.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("html").GetString()!;

            var created = await editor.PostAsJsonAsync("/api/authoring/articles", new
            {
                headline = $"Corpus {run} {name}",
                standfirst = "One body of the Markdown corpus.",
                body = markdown,
                section = "Culture",
                authors = new[] { "Camilla Jessen" },
            });
            Assert.True(created.StatusCode == HttpStatusCode.Created, $"{name}: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            using var publish = new HttpRequestMessage(HttpMethod.Post, $"/api/authoring/articles/{id}/publish") { Content = JsonContent.Create(new { }) };
            publish.Headers.IfMatch.Add(created.Headers.ETag!);
            var published = await editor.SendAsync(publish);
            Assert.True(published.IsSuccessStatusCode, $"{name}: publish {(int)published.StatusCode} {await published.Content.ReadAsStringAsync()}");
            articles.Add((name, previewHtml, id));
        }

        foreach (var (name, previewHtml, id) in articles)
        {
            var site = await Eventually.MatchAsync(() => readerFeed.Client.GetAsync($"/api/feed/articles/{id}"),
                r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(60), $"'{name}' on the site");
            var siteHtml = (await site.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("bodyHtml").GetString()!;

            Assert.True(previewHtml == siteHtml, $"{name}: the preview differs from the site\npreview: {previewHtml}\nsite:    {siteHtml}");
            var survivors = MarkdownCorpus.Survivors(siteHtml);
            Assert.True(survivors.Count == 0, $"{name}: {string.Join("; ", survivors)}");
        }
    }

    Dictionary<string, string?> Settings()
    {
        var settings = _infrastructure.Settings();
        settings["Logging:LogLevel:Default"] = "Warning";
        return settings;
    }
}
