using NewsPlatform.Contracts.Trending;
using NewsPlatform.Trending.Tests.Support;

namespace NewsPlatform.Trending.Tests.Integration;

[Collection(TrendingCollection.Name)]
public class TrendingChangedTests(TrendingFixture fixture)
{
    TrendingHost Host => fixture.Host;

    [Fact]
    public async Task Each_change_of_a_section_s_top_list_is_announced_with_the_list_as_readers_see_it()
    {
        fixture.Clock.Now = DateTimeOffset.Parse("2025-01-18T09:00:00Z");
        var section = Articles.UniqueSection("sports");
        var a = await Host.PublishArticleAsync(section, "Cup final tonight");
        var b = await Host.PublishArticleAsync(section, "Coach resigns");

        await Host.ViewManyAsync(a.ArticleId, 3);
        await Host.ViewManyAsync(b.ArticleId, 1);
        var first = await AnnouncedAsync(section, [a.ArticleId, b.ArticleId]);
        Assert.Equal(fixture.Clock.Now, first.AsOf);
        Assert.Equal(new TrendingItem(a.ArticleId, "Cup final tonight", $"/{section}/cup-final-tonight", section, 3), first.Items[0]);

        await Host.ViewManyAsync(b.ArticleId, 5);
        await AnnouncedAsync(section, [b.ArticleId, a.ArticleId]);

        await Host.PublishAsync(Articles.Unpublished(b, 2));
        await AnnouncedAsync(section, [a.ArticleId]);
    }

    [Fact]
    public async Task The_site_wide_list_is_announced_too()
    {
        fixture.Clock.Now = DateTimeOffset.Parse("2025-01-18T10:00:00Z");
        var article = await Host.PublishArticleAsync(Articles.UniqueSection("opinion"), "A column everyone reads");

        await Host.ViewManyAsync(article.ArticleId, 400); // more than any other test gives an article

        await Eventually.MatchAsync(() => Task.FromResult(fixture.Changes.All<TrendingChangedV1>().LastOrDefault(c => c.Section is null)),
            c => c?.Items.FirstOrDefault()?.ArticleId == article.ArticleId, TimeSpan.FromSeconds(30), "the site-wide list led by the column");
    }

    Task<TrendingChangedV1> AnnouncedAsync(string section, Guid[] order) =>
        Eventually.MatchAsync(() => Task.FromResult(fixture.Changes.All<TrendingChangedV1>().LastOrDefault(c => c.Section == section)!),
            c => c is not null && c.Items.Select(i => i.ArticleId).SequenceEqual(order), TimeSpan.FromSeconds(30),
            $"TrendingChangedV1 for {section} listing {string.Join(", ", order)}");
}
