using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace NewsPlatform.Authoring.Tests.Integration;

/// <summary>
/// Control characters are refused with 400 naming the field or parameter: NUL nowhere; in single-line
/// fields (headline, section, authors, tags, slug) no C0 control at all; the multi-line fields
/// (standfirst, body, notes, reasons) keep tab, CR and LF.
/// </summary>
[Collection(AuthoringCollection.Name)]
public sealed class ControlCharacterTests(AuthoringHost host)
{
    static StringContent Raw(string json) => new(json, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("""{"headline":"Harbour\u0000bridge","section":"News"}""", "headline")]
    [InlineData("""{"headline":"\u0000","section":"News"}""", "headline")]
    [InlineData("""{"headline":"Harbour\nbridge","section":"News"}""", "headline")]
    [InlineData("""{"headline":"Harbour\u001bbridge","section":"News"}""", "headline")]
    [InlineData("""{"headline":"Harbour","standfirst":"a\u0000b","section":"News"}""", "standfirst")]
    [InlineData("""{"headline":"Harbour","body":"a\u0000b","section":"News"}""", "body")]
    [InlineData("""{"headline":"Harbour","body":"a\u0007b","section":"News"}""", "body")]
    [InlineData("""{"headline":"Harbour","section":"News","authors":["Camilla\u0000Jessen"]}""", "authors")]
    [InlineData("""{"headline":"Harbour","section":"News","tags":["we\u0000ather"]}""", "tags")]
    public async Task A_control_character_in_a_new_article_is_refused_naming_the_field(string json, string field)
    {
        var response = await host.Writer().PostAsync(Api.Articles, Raw(json));

        var problem = await Api.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), $"errors name {field}: {Api.Json(problem)}");
    }

    [Fact]
    public async Task Tab_and_line_breaks_stay_allowed_in_the_body_and_standfirst()
    {
        const string body = "Line one\r\n\tindented\nline three";
        var article = await Api.CreateAsync(host.Writer(), new { headline = "Whitespace", section = "News", standfirst = "One\ntwo", body });

        Assert.Equal(body, (string?)(await Api.GetAsync(host.Writer(), Api.Id(article)))["body"]);
    }

    [Fact]
    public async Task An_edit_with_a_nul_in_the_headline_is_refused_and_changes_nothing()
    {
        var editor = host.Editor();
        var id = Api.Id(await Api.CreateAsync(editor));

        var response = await Api.PutAsync(editor, id, new { headline = "Harbour\0bridge" }, "\"1\"");

        var errors = (await Api.ProblemAsync(response, HttpStatusCode.BadRequest))["errors"]!.AsObject();
        Assert.Equal(["headline"], errors.Select(e => e.Key));
        Assert.Equal(1, Api.Version(await Api.GetAsync(editor, id)));
    }

    [Fact]
    public async Task A_nul_in_a_query_parameter_or_a_line_break_in_the_path_is_a_bad_request()
    {
        var query = await host.Editor().GetAsync($"{Api.Articles}?status=%00");
        Assert.Contains("'status'", (string?)(await Api.ProblemAsync(query, HttpStatusCode.BadRequest))["detail"]);

        var path = await host.Editor().GetAsync("/api/auth/users/a%0Ab");
        Assert.Contains("path", (string?)(await Api.ProblemAsync(path, HttpStatusCode.BadRequest))["detail"]);
    }

    [Fact]
    public async Task A_nul_in_the_sign_in_email_is_refused_naming_it()
    {
        var response = await host.Client().PostAsJsonAsync("/api/auth/token", new { email = "a\0b@newsplatform.test", password = "whatever-it-is" });

        var problem = await Api.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().ContainsKey("email"), Api.Json(problem));
    }
}
