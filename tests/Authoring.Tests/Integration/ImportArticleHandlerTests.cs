using Marten;
using Microsoft.Extensions.DependencyInjection;
using NewsPlatform.Authoring.Articles;
using NewsPlatform.Authoring.Articles.Import;

namespace NewsPlatform.Authoring.Tests.Integration;

[Collection(AuthoringCollection.Name)]
public sealed class ImportArticleHandlerTests(AuthoringHost host)
{
    ImportArticleHandler Handler => host.Factory.Services.GetRequiredService<ImportArticleHandler>();

    static ImportArticle Seed(Guid id, string section = "News") => new(
        id, "North Korean Soldiers Ordered to Commit Suicide to Avoid Capture", "North Korean troops stationed in Russia’s Kursk region ...",
        "North Korean troops ...\n\n## First North Korean Soldiers Captured\n\nUkrainian President ...", section, ["Camilla Jessen"],
        DateTimeOffset.Parse("2025-01-14T12:36:00Z"), "Photo: Stefan Bruder / Shutterstock.com");

    [Fact]
    public async Task Importing_twice_creates_the_article_once_and_changes_nothing_the_second_time()
    {
        var id = Guid.NewGuid();
        await using var first = host.Store.LightweightSession();
        var created = await Handler.HandleAsync(first, Seed(id), "importer@newsplatform.test", default);
        await using var second = host.Store.LightweightSession();
        var again = await Handler.HandleAsync(second, Seed(id) with { Headline = "Something else" }, "importer@newsplatform.test", default);

        Assert.Equal(ImportOutcome.Created, created.Outcome);
        Assert.Equal(ImportOutcome.AlreadyExisted, again.Outcome);
        await using var query = host.Store.QuerySession();
        var events = await query.Events.FetchStreamAsync(id);
        Assert.Equal([typeof(ArticleDrafted), typeof(HeroCreditImported), typeof(ArticlePublished)], events.Select(e => e.EventType));
        var article = await query.LoadAsync<Article>(id);
        Assert.NotNull(article);
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal(3, article.Version);
        Assert.Equal(DateTimeOffset.Parse("2025-01-14T12:36:00Z"), article.PublishedAt);
        Assert.Equal(ImportArticle.HeroMediaIdFor(id), article.Content.HeroMediaId);
        Assert.Equal("North Korean Soldiers Ordered to Commit Suicide to Avoid Capture", again.Article?.Content.Headline);
        Assert.Equal("importer@newsplatform.test", events[0].UserName);
    }

    [Fact]
    public async Task Two_imports_of_the_same_headline_get_different_slugs_in_one_section()
    {
        await using var session = host.Store.LightweightSession();
        var a = await Handler.HandleAsync(session, Seed(Guid.NewGuid(), "World"), "importer@newsplatform.test", default);
        await using var other = host.Store.LightweightSession();
        var b = await Handler.HandleAsync(other, Seed(Guid.NewGuid(), "World"), "importer@newsplatform.test", default);

        Assert.Equal("north-korean-soldiers-ordered-to-commit-suicide-to-avoid-capture", a.Article!.Slug);
        Assert.Equal("north-korean-soldiers-ordered-to-commit-suicide-to-avoid-capture-2", b.Article!.Slug);
    }

    [Fact]
    public async Task A_section_that_is_not_configured_is_refused_and_nothing_is_written()
    {
        var id = Guid.NewGuid();
        await using var session = host.Store.LightweightSession();
        var result = await Handler.HandleAsync(session, Seed(id, "Gardening"), "importer@newsplatform.test", default);

        Assert.Equal(ImportOutcome.Refused, result.Outcome);
        Assert.Contains("'Gardening' is not a section", result.Reason);
        Assert.Contains("section", result.Errors!.Keys);
        await using var query = host.Store.QuerySession();
        Assert.Null(await query.Events.FetchStreamStateAsync(id));
    }
}
