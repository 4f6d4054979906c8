using NewsPlatform.Contracts.Media;
using NewsPlatform.ReaderFeed.Media;
using NewsPlatform.ReaderFeed.Tests.Fixtures;

namespace NewsPlatform.ReaderFeed.Tests.Domain;

public class HeroImageTests
{
    static MediaView Visible(PublicMediaAsset asset) => MediaFold.Apply(null, Seed.MediaReady(asset));

    [Fact]
    public void Renditions_become_a_jpeg_srcset_with_a_webp_source()
    {
        var photo = Seed.Photo();
        var hero = HeroImage.From(Visible(photo))!;

        Assert.True(hero.HasImage);
        Assert.Equal($"/media/{photo.MediaId}/1024.jpg", hero.Src);
        Assert.Equal($"/media/{photo.MediaId}/640.jpg 640w, /media/{photo.MediaId}/1024.jpg 1024w", hero.Srcset);
        Assert.Equal($"/media/{photo.MediaId}/640.webp 640w, /media/{photo.MediaId}/1024.webp 1024w", hero.WebpSrcset);
        Assert.Equal((1024, 683), (hero.Width, hero.Height));
        Assert.Equal("Photo: Stefan Bruder / Shutterstock.com", hero.CreditLine);
    }

    [Fact]
    public void A_credit_only_asset_has_a_credit_and_no_image()
    {
        var hero = HeroImage.From(Visible(Seed.CreditOnly(credit: "Photo: Stefan Bruder / Shutterstock.com")))!;
        Assert.False(hero.HasImage);
        Assert.Null(hero.Srcset);
        Assert.Equal("Photo: Stefan Bruder / Shutterstock.com", hero.CreditLine);
    }

    [Fact]
    public void Rendition_urls_that_could_run_code_or_break_srcset_are_dropped()
    {
        var photo = Seed.Photo() with
        {
            Renditions =
            [
                new Rendition(320, 200, "jpg", "javascript:alert(1)"),
                new Rendition(480, 300, "jpg", "//evil.example/x.jpg"),
                new Rendition(500, 300, "jpg", "/media/x/500.jpg, /evil 9000w"),
                new Rendition(640, 400, "jpg", "/media/ok/640.jpg"),
            ],
        };
        var hero = HeroImage.From(Visible(photo))!;
        Assert.Equal("/media/ok/640.jpg 640w", hero.Srcset);
    }

    [Fact]
    public void Retired_or_unknown_photos_are_not_shown()
    {
        var photo = Seed.Photo();
        var retired = MediaFold.Apply(Visible(photo), Seed.MediaRetired(photo.MediaId, 2));
        Assert.Null(HeroImage.From(retired));
        Assert.Null(HeroImage.From(null));
    }
}
