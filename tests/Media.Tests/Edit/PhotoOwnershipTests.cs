using System.Net;
using System.Net.Http.Json;
using NewsPlatform.Contracts.Articles;
using NewsPlatform.Media.Tests.Images;
using NewsPlatform.Media.Tests.Support;
using NewsPlatform.TestKit;

namespace NewsPlatform.Media.Tests.Edit;

/// <summary>Object-level rules on a photo's details, through Media's API with real tokens, broker and database.</summary>
[Collection(MediaCollection.Name)]
public class PhotoOwnershipTests(MediaFixture fixture)
{
    HttpClient Writer(string email) => fixture.WithToken(TestTokens.For("writer", email));

    static object Details(string credit, string caption = "Soldiers in Kursk", string alt = "Soldiers on a road") => new { credit, caption, alt };

    [Fact]
    public async Task A_writer_cannot_rewrite_a_photo_someone_else_uploaded()
    {
        using var uploader = Writer("anna.uploader@newsplatform.test");
        using var intruder = Writer("bo.intruder@newsplatform.test");
        var photo = await uploader.UploadOkAsync(TestImages.Jpeg(400, 300, quality: 61));

        var response = await intruder.PutAsJsonAsync($"/api/media/{photo.Id}", Details("Photo: nobody"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("photos they uploaded", (await response.ProblemAsync()).GetProperty("detail").GetString());
        Assert.Equal(photo.Credit, (await fixture.GetAsync(photo.Id)).Credit);
        Assert.Equal(0, await fixture.Infrastructure.Database.CountAsync(
            $"select count(*) from media.mt_events where stream_id = '{photo.Id}' and type = 'media_metadata_edited'"));
    }

    [Fact]
    public async Task Once_the_photo_heroes_a_published_article_its_credit_takes_an_editor()
    {
        using var uploader = Writer("cara.uploader@newsplatform.test");
        using var editor = fixture.As("editor");
        var photo = await uploader.UploadOkAsync(TestImages.Jpeg(420, 280, quality: 62));
        var article = Guid.NewGuid();
        var published = new ArticlePublishedV1(Guid.NewGuid(), article, 6, DateTimeOffset.UtcNow, new PublicArticle(
            article, "news", "troops-near-kursk", [], "Troops near Kursk", "Standfirst", "Body", ["Cara Uploader"], [], photo.Id,
            DateTimeOffset.UtcNow, null, []));

        await fixture.Bus.PublishAsync(published, published.EventId);
        await Eventually.MatchAsync(
            () => fixture.Infrastructure.Database.CountAsync($"select count(*) from media.mt_doc_livehero where id = '{article}'"),
            c => c == 1, TimeSpan.FromSeconds(30), "Media to learn the article's hero photo");

        var credit = await uploader.PutAsJsonAsync($"/api/media/{photo.Id}", Details("Photo: Someone Else", photo.Caption, photo.Alt));
        Assert.Equal(HttpStatusCode.Forbidden, credit.StatusCode);
        Assert.Contains("takes an editor", (await credit.ProblemAsync()).GetProperty("detail").GetString());
        Assert.Equal(photo.Credit, (await fixture.GetAsync(photo.Id)).Credit);

        var caption = await uploader.PutAsJsonAsync($"/api/media/{photo.Id}", Details(photo.Credit, "Troops near Kursk at dawn", photo.Alt));
        Assert.Equal(HttpStatusCode.OK, caption.StatusCode);

        var byEditor = await editor.PutAsJsonAsync($"/api/media/{photo.Id}", Details("Photo: Someone Else", "Troops near Kursk at dawn", photo.Alt));
        Assert.Equal(HttpStatusCode.OK, byEditor.StatusCode);
        Assert.Equal("Photo: Someone Else", (await fixture.GetAsync(photo.Id)).Credit);

        // Taken down: the photo is no longer on the site, and its uploader may change the credit again.
        var unpublished = new ArticleUnpublishedV1(Guid.NewGuid(), article, 7, DateTimeOffset.UtcNow, article, "news", "troops-near-kursk", "legal");
        await fixture.Bus.PublishAsync(unpublished, unpublished.EventId);
        await Eventually.MatchAsync(
            async () => (await uploader.PutAsJsonAsync($"/api/media/{photo.Id}", Details("Photo: Cara Uploader", "Troops near Kursk at dawn", photo.Alt))).StatusCode,
            s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(30), "the uploader to change the credit after the article was unpublished");
    }
}
