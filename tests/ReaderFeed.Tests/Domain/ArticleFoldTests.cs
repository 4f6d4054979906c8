using System.Text.Json;
using NewsPlatform.Contracts;
using NewsPlatform.ReaderFeed.Articles;
using NewsPlatform.ReaderFeed.Tests.Fixtures;

namespace NewsPlatform.ReaderFeed.Tests.Domain;

public class ArticleFoldTests
{
    static ArticleView Fold(IEnumerable<IStreamIntegrationEvent> events) => events.Aggregate((ArticleView?)null, ArticleFold.Apply)!;

    static string Json(ArticleView view) => JsonSerializer.Serialize(view);

    static IStreamIntegrationEvent[] History(out Contracts.Articles.PublicArticle final)
    {
        var v1 = Seed.Article(slug: "first-slug");
        var published = Seed.Published(v1, 1);
        var revised = Seed.Revised(v1 with { Headline = "Revised headline" }, 2, significant: false);
        var renamed = Seed.SlugChanged(revised.Article, 3, "second-slug");
        var corrected = Seed.Corrected(renamed.Article, 4, "An earlier version misnamed the agency.", Seed.PublishedAt.AddDays(1));
        var renamedAgain = Seed.SlugChanged(corrected.Article, 5, "third-slug");
        final = renamedAgain.Article;
        return [published, revised, renamed, corrected, renamedAgain];
    }

    [Fact]
    public void Every_arrival_order_gives_the_same_read_model()
    {
        var events = History(out var final);
        var expected = Json(Fold(events));

        var random = new Random(42);
        for (var i = 0; i < 50; i++)
            Assert.Equal(expected, Json(Fold(events.OrderBy(_ => random.Next()))));

        var view = Fold(events);
        Assert.Equal(final.Headline, view.Article!.Headline);
        Assert.Equal(5, view.ContentVersion);
    }

    [Fact]
    public void Duplicates_and_replays_change_nothing()
    {
        var events = History(out _);
        var once = Json(Fold(events));
        var twice = Json(Fold(events.Concat(events)));
        var interleaved = Json(Fold(events.SelectMany(e => new[] { e, e })));
        Assert.Equal(once, twice);
        Assert.Equal(once, interleaved);
    }

    [Fact]
    public void An_older_version_never_overwrites_a_newer_one()
    {
        // Given version 3 was applied
        var article = Seed.Article();
        var newer = Seed.Revised(article with { Headline = "Version three" }, 3);
        var view = ArticleFold.Apply(null, newer);

        // When version 2 arrives late
        view = ArticleFold.Apply(view, Seed.Revised(article with { Headline = "Version two" }, 2));

        // Then version 3 stays
        Assert.Equal("Version three", view.Article!.Headline);
        Assert.Equal(3, view.ContentVersion);
    }

    [Fact]
    public void Old_slugs_through_a_chain_of_renames_all_point_at_the_current_path()
    {
        var events = History(out var final);
        var view = Fold(events);

        Assert.Equal($"/news/{final.Slug}", view.Path);
        Assert.Equal(["/news/first-slug", "/news/second-slug"], view.PreviousPaths);
        Assert.Equal(ArticleStatus.Live, view.Status);
    }

    [Fact]
    public void Unpublished_then_republished_follows_the_stream_versions()
    {
        var article = Seed.Article();
        var published = Seed.Published(article, 1);
        var unpublished = Seed.Unpublished(article, 2);
        var republished = Seed.Published(article, 3);

        Assert.Equal(ArticleStatus.Unpublished, Fold([published, unpublished]).Status);
        Assert.Equal(ArticleStatus.Unpublished, Fold([unpublished, published]).Status);
        Assert.Equal(ArticleStatus.Live, Fold([republished, unpublished, published]).Status);
    }

    [Fact]
    public void An_unpublish_arriving_before_the_article_still_marks_its_url_gone()
    {
        var article = Seed.Article();
        var view = ArticleFold.Apply(null, Seed.Unpublished(article, 4));

        Assert.Equal(ArticleStatus.Unpublished, view.Status);
        Assert.Equal($"/news/{article.Slug}", view.Path);
        Assert.False(view.IsLive);
    }

    [Fact]
    public void Only_corrections_and_significant_revisions_move_the_updated_time()
    {
        var article = Seed.Article();
        var published = Seed.Published(article, 1);
        var minor = Seed.Revised(article with { Body = "typo fixed" }, 2, significant: false, at: Seed.PublishedAt.AddHours(1));
        Assert.Null(Fold([published, minor]).UpdatedAt);

        var major = Seed.Revised(article with { Body = "new facts" }, 3, significant: true, at: Seed.PublishedAt.AddHours(2));
        Assert.Equal(Seed.PublishedAt.AddHours(2), Fold([published, minor, major]).UpdatedAt);

        var correctedAt = Seed.PublishedAt.AddHours(5);
        var correction = Seed.Corrected(article, 4, "Corrected the date.", correctedAt);
        var view = Fold([correction, major, published, minor]);
        Assert.Equal(correctedAt, view.UpdatedAt);
        Assert.Equal("Corrected the date.", Assert.Single(view.Article!.Corrections).Note);
    }

    [Fact]
    public void Author_slugs_are_derived_from_names()
    {
        var view = ArticleFold.Apply(null, Seed.Published(Seed.Article(authors: ["Camilla Jessen", "Søren Ærø"])));
        Assert.Equal(["camilla-jessen", "soren-aero"], view.AuthorSlugs);
    }
}

public class ReadModelSetTests
{
    [Fact]
    public void Folding_a_whole_log_at_once_gives_what_folding_event_by_event_gives()
    {
        var article = Seed.Article(slug: "one");
        var photo = Seed.Photo();
        var events = new object[]
        {
            Seed.Published(article), Seed.MediaReady(photo), Seed.Revised(article with { Headline = "Two" }, 2, significant: true),
            Seed.SlugChanged(article, 3, "two"), Seed.MediaRetired(photo.MediaId, 2), Seed.Unpublished(article, 4),
            Seed.Trending(DateTimeOffset.Parse("2025-01-14T12:00:00Z"), article),
        };

        var set = new NewsPlatform.ReaderFeed.EventLog.ReadModelSet();
        foreach (var e in events) set.Apply(e);
        set.Complete();

        var oneByOne = events.OfType<NewsPlatform.Contracts.IStreamIntegrationEvent>().Where(ArticleFold.Handles)
            .Aggregate((ArticleView?)null, ArticleFold.Apply)!;
        Assert.Equal(JsonSerializer.Serialize(oneByOne), JsonSerializer.Serialize(set.Articles[article.ArticleId]));
        Assert.Equal(7, set.Events);
        Assert.False(set.Media[photo.MediaId].IsVisible);
        Assert.Single(set.Trending);
    }
}
