using NewsPlatform.Media.Renditions;
using NewsPlatform.Media.Tests.Images;
using SkiaSharp;

namespace NewsPlatform.Media.Tests.Renditions;

public class RenditionRendererTests
{
    [Fact]
    public void Renders_every_planned_width_as_JPEG_and_WebP_that_decode_at_that_size()
    {
        var outcome = RenditionRenderer.Render(TestImages.Jpeg(1800, 1200));

        Assert.Null(outcome.Failure);
        var expected = new[] { 320, 640, 1024, 1600, 1800 }
            .SelectMany(w => new[] { (w, (int)Math.Round(w * 2 / 3.0), "jpg"), (w, (int)Math.Round(w * 2 / 3.0), "webp") }).ToList();
        Assert.Equal(expected, outcome.Renditions.Select(r => (r.Width, r.Height, r.Format)).ToList());
        foreach (var rendition in outcome.Renditions)
        {
            using var decoded = TestImages.Decode(rendition.Bytes);
            Assert.Equal((rendition.Width, rendition.Height), (decoded.Width, decoded.Height));
            Assert.True(TestImages.Near(decoded.GetPixel(rendition.Width / 4, rendition.Height / 4), TestImages.TopLeft));
        }
    }

    [Fact]
    public void Renditions_carry_no_EXIF_GPS_or_XMP()
    {
        var original = TestImages.PortraitJpegWithExif(400, 300);
        Assert.True(Exif.Carries(original));

        var outcome = RenditionRenderer.Render(original);

        Assert.NotEmpty(outcome.Renditions);
        foreach (var rendition in outcome.Renditions)
        {
            Assert.False(Exif.Carries(rendition.Bytes), $"{rendition.Width}.{rendition.Format} carries EXIF or XMP");
            if (rendition.Format == "jpg")
                // Only JFIF's APP0: no APP1 (EXIF, XMP), APP2 (ICC), other APPn or comments.
                Assert.DoesNotContain(Exif.JpegSegments(rendition.Bytes), s => s.Marker is >= 0xE1 and <= 0xEF or 0xFE);
            else
                Assert.Equal(["VP8 "], Exif.WebPChunks(rendition.Bytes)); // no VP8X, EXIF, XMP or ICCP
        }
    }

    /// <summary>Upright quadrant colours (TL, TR, BL, BR) of the test pattern stored with each EXIF orientation.</summary>
    public static TheoryData<ushort, string> Orientations() => new()
    {
        { 1, "R G B Y" }, { 2, "G R Y B" }, { 3, "Y B G R" }, { 4, "B Y R G" },
        { 5, "R B G Y" }, { 6, "B R Y G" }, { 7, "Y G B R" }, { 8, "G Y R B" },
    };

    [Theory]
    [MemberData(nameof(Orientations))]
    public void Applies_the_EXIF_orientation(ushort orientation, string quadrants)
    {
        var outcome = RenditionRenderer.Render(Exif.Insert(TestImages.Jpeg(400, 300), orientation));

        var rendition = outcome.Renditions.Where(r => r.Format == "jpg").MaxBy(r => r.Width)!;
        var swapped = orientation >= 5;
        Assert.Equal(swapped ? (300, 400) : (400, 300), (rendition.Width, rendition.Height));
        using var image = TestImages.Decode(rendition.Bytes);
        var (w, h) = (image.Width, image.Height);
        var seen = string.Join(' ', new[] { image.GetPixel(w / 4, h / 4), image.GetPixel(3 * w / 4, h / 4), image.GetPixel(w / 4, 3 * h / 4), image.GetPixel(3 * w / 4, 3 * h / 4) }.Select(Name));
        Assert.Equal(quadrants, seen);
    }

    [Fact]
    public void A_large_turned_photo_is_upright_at_every_width()
    {
        // 4000 × 3000 stored, EXIF 6: decoded at a reduced JPEG scale, turned once, then shrunk step by step.
        var outcome = RenditionRenderer.Render(Exif.Insert(TestImages.Jpeg(4000, 3000), 6));

        Assert.Equal([(320, 427), (640, 853), (1024, 1365), (1600, 2133), (2400, 3200)],
            outcome.Renditions.Where(r => r.Format == "webp").Select(r => (r.Width, r.Height)).ToList());
        foreach (var rendition in outcome.Renditions)
        {
            using var image = TestImages.Decode(rendition.Bytes);
            var (w, h) = (image.Width, image.Height);
            Assert.Equal((rendition.Width, rendition.Height), (w, h));
            Assert.Equal("B R Y G", string.Join(' ', new[] { image.GetPixel(w / 4, h / 4), image.GetPixel(3 * w / 4, h / 4), image.GetPixel(w / 4, 3 * h / 4), image.GetPixel(3 * w / 4, 3 * h / 4) }.Select(Name)));
        }
    }

    [Fact]
    public void A_PNG_far_wider_than_2400_is_halved_down_before_the_widest_rendition()
    {
        var outcome = RenditionRenderer.Render(TestImages.Png(7000, 1000));

        var widest = outcome.Renditions.Single(r => r.Width == 2400 && r.Format == "jpg");
        using var image = TestImages.Decode(widest.Bytes);
        Assert.Equal((2400, 343), (image.Width, image.Height));
        Assert.True(TestImages.Near(image.GetPixel(600, 80), TestImages.TopLeft));
        Assert.True(TestImages.Near(image.GetPixel(1800, 260), TestImages.BottomRight));
    }

    [Fact]
    public void Transparency_becomes_white_in_JPEG_and_stays_transparent_in_WebP()
    {
        var outcome = RenditionRenderer.Render(TestImages.HalfTransparentPng(400, 200));

        using var jpeg = TestImages.Decode(outcome.Renditions.Single(r => r.Format == "jpg" && r.Width == 400).Bytes);
        using var webp = TestImages.Decode(outcome.Renditions.Single(r => r.Format == "webp" && r.Width == 400).Bytes);
        Assert.True(TestImages.Near(jpeg.GetPixel(50, 100), SKColors.White));
        Assert.True(TestImages.Near(jpeg.GetPixel(350, 100), SKColors.Lime));
        Assert.Equal(0, webp.GetPixel(50, 100).Alpha);
        Assert.True(TestImages.Near(webp.GetPixel(350, 100), SKColors.Lime));
    }

    [Fact]
    public void A_single_pixel_gets_one_rendition_per_format()
    {
        var outcome = RenditionRenderer.Render(TestImages.Png(1, 1));

        Assert.Equal([(1, 1, "jpg"), (1, 1, "webp")], outcome.Renditions.Select(r => (r.Width, r.Height, r.Format)).ToList());
        using var decoded = TestImages.Decode(outcome.Renditions[0].Bytes);
        Assert.True(TestImages.Near(decoded.GetPixel(0, 0), TestImages.TopLeft));
    }

    [Fact]
    public void A_very_wide_banner_keeps_at_least_one_pixel_of_height()
    {
        var outcome = RenditionRenderer.Render(TestImages.Jpeg(6000, 40));

        Assert.Equal([(320, 2), (640, 4), (1024, 7), (1600, 11), (2400, 16)],
            outcome.Renditions.Where(r => r.Format == "webp").Select(r => (r.Width, r.Height)).ToList());
        foreach (var rendition in outcome.Renditions)
        {
            using var decoded = TestImages.Decode(rendition.Bytes);
            Assert.Equal((rendition.Width, rendition.Height), (decoded.Width, decoded.Height));
        }
    }

    [Fact]
    public void Pixels_that_do_not_decode_are_reported_not_rendered()
    {
        var jpeg = TestImages.Jpeg(800, 600);

        var outcome = RenditionRenderer.Render(jpeg[..(jpeg.Length / 2)]);

        Assert.Empty(outcome.Renditions);
        Assert.Contains("could not be decoded", outcome.Failure);
    }

    [Fact]
    public void Every_rendition_has_a_strong_ETag_from_its_bytes()
    {
        var outcome = RenditionRenderer.Render(TestImages.Jpeg(700, 500));

        Assert.All(outcome.Renditions, r => Assert.Matches("^\"[0-9a-f]{32}\"$", r.ETag));
        Assert.Equal(outcome.Renditions.Count, outcome.Renditions.Select(r => r.ETag).Distinct().Count());
    }

    static string Name(SKColor c) =>
        TestImages.Near(c, TestImages.TopLeft) ? "R" : TestImages.Near(c, TestImages.TopRight) ? "G"
        : TestImages.Near(c, TestImages.BottomLeft) ? "B" : TestImages.Near(c, TestImages.BottomRight) ? "Y" : c.ToString();
}
