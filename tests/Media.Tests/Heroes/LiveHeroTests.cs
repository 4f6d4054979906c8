using NewsPlatform.Media.Heroes;

namespace NewsPlatform.Media.Tests.Heroes;

public sealed class LiveHeroTests
{
    static readonly Guid Article = Guid.Parse("0190d9a0-0000-7000-8000-0000000000a1");
    static readonly Guid Photo = Guid.Parse("0190d9a0-0000-7000-8000-0000000000b2");

    [Fact]
    public void Publishing_records_the_hero_and_unpublishing_clears_it()
    {
        var published = LiveHero.Apply(null, Article, 6, Photo);
        var unpublished = LiveHero.Apply(published, Article, 9, null);

        Assert.Equal(Photo, published.MediaId);
        Assert.Null(unpublished.MediaId);
    }

    [Fact]
    public void A_late_older_event_does_not_bring_back_a_photo_the_article_dropped()
    {
        var revised = LiveHero.Apply(LiveHero.Apply(null, Article, 6, Photo), Article, 8, null);

        var late = LiveHero.Apply(revised, Article, 7, Photo);

        Assert.Same(revised, late);
        Assert.Null(late.MediaId);
    }
}
