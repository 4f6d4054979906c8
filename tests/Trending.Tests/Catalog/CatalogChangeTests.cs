using NewsPlatform.Trending.Catalog;
using NewsPlatform.Trending.Tests.Support;

namespace NewsPlatform.Trending.Tests.Catalog;

public class CatalogChangeTests
{
    [Fact]
    public void A_published_article_lives_at_section_slash_slug()
    {
        var article = Articles.Public(Guid.NewGuid(), "news", "North Korean Soldiers Ordered to Commit Suicide to Avoid Capture",
            slug: "north-korean-soldiers-ordered-to-commit-suicide");

        var change = CatalogChange.LiveFrom(Articles.Published(article, 4), article);

        Assert.True(change.Live);
        Assert.Equal(4, change.Version);
        Assert.Equal("/news/north-korean-soldiers-ordered-to-commit-suicide", change.Url);
        Assert.Equal("North Korean Soldiers Ordered to Commit Suicide to Avoid Capture", change.Headline);
    }

    [Fact]
    public void A_section_name_from_a_lax_producer_becomes_its_slug()
    {
        var article = Articles.Public(Guid.NewGuid(), " World", "Peace talks");

        Assert.Equal("/world/peace-talks", CatalogChange.LiveFrom(Articles.Published(article), article).Url);
    }

    [Fact]
    public void An_unpublished_article_is_not_live()
    {
        var article = Articles.Public(Guid.NewGuid(), "news", "Taken down");

        var change = CatalogChange.GoneFrom(Articles.Unpublished(article, 7));

        Assert.False(change.Live);
        Assert.Equal(7, change.Version);
        Assert.Equal(article.ArticleId, change.ArticleId);
    }
}
