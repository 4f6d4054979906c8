using NewsPlatform.Authoring.Articles;
using NewsPlatform.Authoring.Articles.Import;

namespace NewsPlatform.Authoring.Tests.Articles.Import;

public sealed class ImportArticleTests : ArticleSpec
{
    static readonly DateTimeOffset Original = DateTimeOffset.Parse("2025-01-14T12:36:00Z");
    const string Credit = "Photo: Stefan Bruder / Shutterstock.com";

    static ImportArticle Seed(DateTimeOffset? publishedAt = null, string? credit = null, string section = "News") =>
        new(Id, Content.Headline, Content.Standfirst, Content.Body, section, ["Camilla Jessen"], publishedAt, credit);

    [Fact]
    public void Without_a_publication_time_the_import_is_a_draft()
    {
        Then(ImportArticle.Decide(Seed(), "north-korean-soldiers", Sections, "importer", Now),
            new ArticleDrafted(Id, Content with { Tags = [] }, "north-korean-soldiers", "importer", Now));
    }

    [Fact]
    public void With_a_past_time_and_a_photo_credit_it_is_published_at_that_time_with_a_credit_only_hero()
    {
        var hero = ImportArticle.HeroMediaIdFor(Id);

        var decision = ImportArticle.Decide(Seed(Original, Credit), "north-korean-soldiers", Sections, "importer", Now);

        Then(decision,
            new ArticleDrafted(Id, Content with { Tags = [], HeroMediaId = hero }, "north-korean-soldiers", "importer", Now),
            new HeroCreditImported(hero, Credit, null, Now),
            new ArticlePublished(Original, null, Now));
        var article = Given([.. decision.Events]);
        Assert.Equal((ArticleStatus.Published, Original, hero, Credit), (article.Status, article.PublishedAt!.Value, article.Content.HeroMediaId!.Value, article.HeroCredit));
    }

    [Fact]
    public void With_a_future_time_it_is_scheduled()
    {
        var decision = ImportArticle.Decide(Seed(Now.AddDays(1)), "x", Sections, "importer", Now);

        Assert.IsType<ArticleScheduled>(decision.Events[^1]);
    }

    [Fact]
    public void A_section_that_is_not_configured_is_refused_with_the_list_of_sections()
    {
        var refusal = ThenRefused(ImportArticle.Decide(Seed(section: "Gardening"), "x", Sections, "importer", Now), RefusalKind.Invalid);

        Assert.Contains("'Gardening' is not a section of this newsroom; use one of News, World", refusal.Errors!["section"][0]);
    }

    [Fact]
    public void A_published_import_needs_an_author()
    {
        ThenRefused(ImportArticle.Decide(Seed(Original) with { Authors = [] }, "x", Sections, "importer", Now), RefusalKind.NotAllowed, "author");
    }

    [Fact]
    public void The_hero_media_id_depends_on_the_article_id_alone()
    {
        var other = Guid.NewGuid();

        Assert.Equal(ImportArticle.HeroMediaIdFor(Id), ImportArticle.HeroMediaIdFor(Id));
        Assert.NotEqual(ImportArticle.HeroMediaIdFor(Id), ImportArticle.HeroMediaIdFor(other));
        Assert.NotEqual(Id, ImportArticle.HeroMediaIdFor(Id));
    }
}
