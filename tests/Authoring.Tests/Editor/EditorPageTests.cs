using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using NewsPlatform.Authoring.Editor;
using NewsPlatform.Authoring.Newsroom;
using NewsPlatform.Rendering;
using NewsPlatform.ServiceDefaults.Newsroom;
using NewsPlatform.TestKit;

namespace NewsPlatform.Authoring.Tests.Editor;

/// <summary>What the editor's own routes answer, over HTTP on the real host.</summary>
[Collection(EditorCollection.Name)]
public sealed partial class EditorPageTests(EditorHost host)
{
    [Theory]
    [InlineData("/editor")]
    [InlineData("/editor/")]
    public async Task The_page_is_served_with_a_strict_content_security_policy(string path)
    {
        var response = await host.Http.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy);
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("style-src 'self';", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.DoesNotContain("unsafe", policy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("Sign in to the newsroom", html);
    }

    [Fact]
    public async Task The_page_offers_the_configured_sections()
    {
        var html = await host.Http.GetStringAsync("/editor");

        foreach (var section in Sections.DefaultNames)
            Assert.Contains($"<option value=\"{section}\">{section}</option>", html);
    }

    [Fact]
    public async Task The_page_has_no_inline_script_style_or_event_handler_so_the_policy_can_stay_strict()
    {
        var html = await host.Http.GetStringAsync("/editor");

        Assert.Empty(InlineScript().Matches(html));
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(StyleAttribute().Matches(html));
        Assert.Empty(EventAttribute().Matches(html));
        Assert.Empty(ExternalUrl().Matches(html));
    }

    [Theory]
    [InlineData("app.js", "text/javascript")]
    [InlineData("article.js", "text/javascript")]
    [InlineData("editor.css", "text/css")]
    [InlineData("icon.svg", "image/svg+xml")]
    public async Task Assets_are_served_under_editor_assets_and_revalidated_by_etag(string name, string contentType)
    {
        var response = await host.Http.GetAsync($"/editor/assets/{name}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        var etag = response.Headers.ETag;
        Assert.NotNull(etag);

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/editor/assets/{name}");
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await host.Http.SendAsync(again)).StatusCode);
    }

    [Theory]
    [InlineData("missing.js")]
    [InlineData("editor.html")]
    [InlineData("..%2Fappsettings.json")]
    public async Task Anything_else_under_assets_is_not_found(string name)
    {
        var response = await host.Http.GetAsync($"/editor/assets/{name}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_scripts_never_evaluate_strings_as_code()
    {
        var scripts = new EditorAssets().Names.Where(n => n.EndsWith(".js", StringComparison.Ordinal)).ToList();
        Assert.Contains("app.js", scripts);
        foreach (var name in scripts)
        {
            var script = await host.Http.GetStringAsync($"/editor/assets/{name}");
            Assert.DoesNotContain("eval(", script);
            Assert.DoesNotContain("new Function", script);
            Assert.DoesNotContain("document.write", script);
        }
    }

    [Fact]
    public async Task The_preview_needs_a_signed_in_newsroom_member()
    {
        var anonymous = await host.Http.PostAsJsonAsync("/editor/api/preview", new { markdown = "# Hi" });

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    public static TheoryData<string, string> BrokenTokens => new()
    {
        { "expired", TestTokens.Expired("writer") },
        { "wrong audience", TestTokens.WrongAudience("writer") },
        { "wrong key", TestTokens.WrongKey("writer") },
        { "alg none", TestTokens.Unsigned("writer") },
    };

    [Theory]
    [MemberData(nameof(BrokenTokens))]
    public async Task The_preview_refuses_a_token_that_is_not_valid(string kind, string token)
    {
        var response = await Preview(token, new { markdown = "# Hi" });

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{kind}: {(int)response.StatusCode}");
    }

    [Fact]
    public async Task The_preview_renders_markdown_and_strips_script()
    {
        var response = await Preview(TestTokens.For("writer"), new { markdown = "## Kursk\n\n<img src=x onerror=alert(1)> [a](javascript:alert(2))" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("html").GetString()!;
        Assert.Contains("<h2>Kursk</h2>", html);
        Assert.DoesNotContain("onerror", html);
        Assert.DoesNotContain("javascript:", html);
    }

    [Fact]
    public async Task The_preview_of_every_body_of_the_corpus_is_the_shared_renderer_s_html_with_nothing_hostile_left()
    {
        var renderer = new ArticleBody();
        foreach (var (name, markdown) in MarkdownCorpus.All)
        {
            var response = await Preview(TestTokens.For("writer"), new { markdown });

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("html").GetString()!;
            Assert.True(renderer.ToHtml(markdown) == html, $"{name}: the preview differs from the site's renderer\n{html}");
            var survivors = MarkdownCorpus.Survivors(html);
            Assert.True(survivors.Count == 0, $"{name}: {string.Join("; ", survivors)}");
        }
    }

    [Fact]
    public async Task A_body_too_long_to_preview_is_refused_with_a_problem_naming_the_field()
    {
        var response = await Preview(TestTokens.For("writer"), new { markdown = new string('x', EditorUi.MaxPreviewBodyLength + 1) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("'markdown'", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_preview_request_larger_than_any_body_could_be_is_refused_before_it_is_read()
    {
        var response = await Preview(TestTokens.For("writer"), new { markdown = new string('x', (int)EditorUi.MaxPreviewRequestBytes + 1) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_field_in_a_preview_request_is_refused()
    {
        var response = await Preview(TestTokens.For("writer"), new { markdown = "x", html = "<script>" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("html", await response.Content.ReadAsStringAsync());
    }

    async Task<HttpResponseMessage> Preview(string token, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/editor/api/preview") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await host.Http.SendAsync(request);
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();

    [GeneratedRegex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventAttribute();

    [GeneratedRegex(@"(src|href)\s*=\s*""(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalUrl();
}
