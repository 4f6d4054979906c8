using NewsPlatform.ReaderFeed.Media;
using NewsPlatform.ReaderFeed.Tests.Fixtures;
using NewsPlatform.ReaderFeed.Trending;

namespace NewsPlatform.ReaderFeed.Tests.Domain;

public class MediaAndTrendingFoldTests
{
    [Fact]
    public void A_late_older_media_update_does_not_replace_the_newer_credit()
    {
        var photo = Seed.Photo();
        var ready = Seed.MediaReady(photo, 1);
        var updated = Seed.MediaUpdated(photo with { Credit = "New credit" }, 2);

        var inOrder = MediaFold.Apply(MediaFold.Apply(null, ready), updated);
        var reversed = MediaFold.Apply(MediaFold.Apply(null, updated), ready);

        Assert.Equal("New credit", inOrder.Asset!.Credit);
        Assert.Equal("New credit", reversed.Asset!.Credit);
    }

    [Fact]
    public void A_retired_photo_is_no_longer_visible_whatever_the_order()
    {
        var photo = Seed.Photo();
        var ready = Seed.MediaReady(photo, 1);
        var retired = Seed.MediaRetired(photo.MediaId, 2);

        Assert.False(MediaFold.Apply(MediaFold.Apply(null, ready), retired).IsVisible);
        Assert.False(MediaFold.Apply(MediaFold.Apply(null, retired), ready).IsVisible);
        Assert.True(MediaFold.Apply(null, ready).IsVisible);
    }

    [Fact]
    public void The_trending_list_with_the_newest_as_of_wins()
    {
        var a = Seed.Article(headline: "A");
        var b = Seed.Article(headline: "B");
        var older = Seed.Trending(DateTimeOffset.Parse("2025-01-14T12:00:00Z"), a);
        var newer = Seed.Trending(DateTimeOffset.Parse("2025-01-14T12:05:00Z"), b);

        Assert.Equal(b.ArticleId, TrendingFold.Apply(TrendingFold.Apply(null, older), newer).Items[0].ArticleId);
        Assert.Equal(b.ArticleId, TrendingFold.Apply(TrendingFold.Apply(null, newer), older).Items[0].ArticleId);
    }

    [Fact]
    public void Trending_scopes_have_stable_stream_ids()
    {
        Assert.Equal(TrendingFold.StreamIdOf("site"), TrendingFold.StreamIdOf("site"));
        Assert.NotEqual(TrendingFold.StreamIdOf("site"), TrendingFold.StreamIdOf("news"));
    }
}
