using Microsoft.Extensions.DependencyInjection;
using NewsPlatform.Authoring.Articles.Import;
using NewsPlatform.Contracts.Articles;

namespace NewsPlatform.Authoring.Tests.Integration;

/// <summary>What other services hear about articles: each message carries the whole public article.</summary>
[Collection(AuthoringCollection.Name)]
public sealed class RelayTests(AuthoringHost host)
{
    [Fact]
    public async Task Publishing_delivers_ArticlePublishedV1_with_the_whole_public_article()
    {
        var editor = host.Editor();
        var draft = await Api.CreateAsync(editor, Api.Draft("Storm closes the harbour bridge", "World"));
        var id = Api.Id(draft);
        await Api.PutAsync(editor, id, new { slug = "harbour-bridge-closed" }, "\"1\"");
        var published = await Api.StepAsync(editor, id, "publish");

        var message = await host.Listener.WaitForAsync<ArticlePublishedV1>(id);

        Assert.Equal(id, message.StreamId);
        Assert.Equal(Api.Version(published), message.StreamVersion);
        Assert.Equal(message.EventId, host.Listener.For(id).Single(r => r.Message is ArticlePublishedV1).MessageId);
        var article = message.Article;
        Assert.Equal(id, article.ArticleId);
        Assert.Equal("world", article.Section);
        Assert.Equal("harbour-bridge-closed", article.Slug);
        Assert.Empty(article.PreviousSlugs); // the draft's first slug was never public
        Assert.Equal("Storm closes the harbour bridge", article.Headline);
        Assert.Equal((string?)draft["body"], article.Body);
        Assert.Equal((string?)draft["standfirst"], article.Standfirst);
        Assert.Equal(["Camilla Jessen"], article.Authors);
        Assert.Equal(["weather"], article.Tags);
        Assert.Equal((DateTimeOffset)published["publishedAt"]!, article.PublishedAt);
        Assert.Null(article.UpdatedAt);
    }

    [Fact]
    public async Task Renaming_a_live_article_twice_keeps_both_old_slugs_in_the_events()
    {
        var editor = host.Editor();
        var id = Api.Id(await Api.PublishedAsync(editor, Api.Draft("Mayor resigns", "Politics")));
        await Api.PutAsync(editor, id, new { slug = "mayor-steps-down" }, "\"2\"");
        await Api.PutAsync(editor, id, new { slug = "mayor-resigns-after-vote", body = "The mayor resigned after the vote." }, "\"3\"");

        var first = await host.Listener.WaitForAsync<ArticleSlugChangedV1>(id, m => m.Article.Slug == "mayor-steps-down");
        var second = await host.Listener.WaitForAsync<ArticleSlugChangedV1>(id, m => m.Article.Slug == "mayor-resigns-after-vote");
        var revised = await host.Listener.WaitForAsync<ArticleRevisedV1>(id);

        Assert.Equal("mayor-resigns", first.OldSlug);
        Assert.Equal(["mayor-resigns"], first.Article.PreviousSlugs);
        Assert.Equal("mayor-steps-down", second.OldSlug);
        Assert.Equal(["mayor-resigns", "mayor-steps-down"], second.Article.PreviousSlugs);
        // The revision in the same edit is relayed as of its own version: before the rename.
        Assert.Equal("The mayor resigned after the vote.", revised.Article.Body);
        Assert.Equal("mayor-steps-down", revised.Article.Slug);
        Assert.Equal(second.StreamVersion - 1, revised.StreamVersion);
        var current = await Api.GetAsync(editor, id);
        Assert.Equal(["mayor-resigns", "mayor-steps-down"], current["previousSlugs"]!.AsArray().Select(s => (string)s!));
    }

    [Fact]
    public async Task Corrections_revisions_and_unpublishing_are_relayed_with_their_details()
    {
        var editor = host.Editor();
        var id = Api.Id(await Api.PublishedAsync(editor, Api.Draft("Budget passes", "Business")));
        await Api.PutAsync(editor, id, new { standfirst = "A late-night vote.", significant = true }, "\"2\"");
        await Api.StepAsync(editor, id, "corrections", new { note = "The vote was 51 to 49, not 52 to 48." });
        await Api.StepAsync(editor, id, "unpublish", new { reason = "Embargo broken." });

        var revised = await host.Listener.WaitForAsync<ArticleRevisedV1>(id);
        var corrected = await host.Listener.WaitForAsync<ArticleCorrectedV1>(id);
        var unpublished = await host.Listener.WaitForAsync<ArticleUnpublishedV1>(id);

        Assert.True(revised.Significant);
        Assert.Equal("A late-night vote.", revised.Article.Standfirst);
        Assert.NotNull(revised.Article.UpdatedAt);
        Assert.Equal("The vote was 51 to 49, not 52 to 48.", corrected.Note);
        Assert.Equal("The vote was 51 to 49, not 52 to 48.", Assert.Single(corrected.Article.Corrections).Note);
        Assert.Equal(("business", "budget-passes", "Embargo broken."), (unpublished.Section, unpublished.Slug, unpublished.Reason));
        Assert.Equal(id, unpublished.ArticleId);
        Assert.Equal([3L, 4L, 5L], new[] { revised.StreamVersion, corrected.StreamVersion, unpublished.StreamVersion });
    }

    [Fact]
    public async Task An_imported_photo_credit_is_announced_under_the_derived_media_id()
    {
        var id = Guid.NewGuid();
        var handler = host.Factory.Services.GetRequiredService<ImportArticleHandler>();
        await using var session = host.Store.LightweightSession();
        await handler.HandleAsync(session, new ImportArticle(id, "Archive story", "", "Body text.", "Culture", ["Camilla Jessen"],
            DateTimeOffset.Parse("2024-06-01T08:00:00Z"), "Photo: Stefan Bruder / Shutterstock.com"), "importer", default);

        var credit = await host.Listener.WaitForAsync<HeroCreditImportedV1>(id);
        var published = await host.Listener.WaitForAsync<ArticlePublishedV1>(id);

        Assert.Equal(ImportArticle.HeroMediaIdFor(id), credit.MediaId);
        Assert.Equal("Photo: Stefan Bruder / Shutterstock.com", credit.Credit);
        Assert.Equal(credit.MediaId, published.Article.HeroMediaId);
        Assert.Equal(DateTimeOffset.Parse("2024-06-01T08:00:00Z"), published.Article.PublishedAt);
    }
}
