using NewsPlatform.Media.Inspection;
using NewsPlatform.Media.Tests.Images;
using SkiaSharp;

namespace NewsPlatform.Media.Tests.Inspection;

public class PhotoInspectorTests
{
    const long FiftyMegapixels = 50_000_000;

    [Theory]
    [InlineData("jpeg", ImageFormat.Jpeg, "image/jpeg")]
    [InlineData("png", ImageFormat.Png, "image/png")]
    [InlineData("webp", ImageFormat.WebP, "image/webp")]
    public void Accepts_each_allowed_format_and_reads_its_size(string kind, ImageFormat format, string contentType)
    {
        var bytes = kind switch { "jpeg" => TestImages.Jpeg(640, 480), "png" => TestImages.Png(640, 480), _ => TestImages.WebP(640, 480) };

        var inspection = PhotoInspector.Inspect(bytes, FiftyMegapixels);

        Assert.Null(inspection.Refusal);
        Assert.Equal(new InspectedPhoto(format, 640, 480, SKEncodedOrigin.TopLeft, bytes.Length), inspection.Photo);
        Assert.Equal(contentType, inspection.Photo!.ContentType);
    }

    [Fact]
    public void A_portrait_with_an_EXIF_orientation_is_measured_upright()
    {
        var photo = PhotoInspector.Inspect(TestImages.PortraitJpegWithExif(400, 300), FiftyMegapixels).Photo;

        Assert.NotNull(photo);
        Assert.Equal((300, 400, SKEncodedOrigin.RightTop), (photo.Width, photo.Height, photo.Origin));
    }

    [Fact]
    public void A_noisy_photo_is_not_mistaken_for_markup()
    {
        // Compressed noise has every byte value everywhere: the polyglot search must not fire on chance.
        var bytes = NoiseJpeg(1500, 1000, seed: 7);

        Assert.Null(PhotoInspector.Inspect(bytes, FiftyMegapixels).Refusal);
    }

    public static TheoryData<string> Corpus() => [.. MaliciousCorpus.All.Select(u => u.Name)];

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Refuses_the_malicious_corpus_with_the_right_status_and_a_clear_detail(string name)
    {
        var upload = MaliciousCorpus.Named(name);

        var refusal = PhotoInspector.Inspect(upload.Bytes, FiftyMegapixels).Refusal;

        Assert.NotNull(refusal);
        Assert.Equal(upload.Status, refusal.Status);
        Assert.Contains(upload.DetailContains, refusal.Detail);
    }

    [Fact]
    public void A_pixel_bomb_is_refused_on_its_header_with_the_numbers()
    {
        var refusal = PhotoInspector.Inspect(MaliciousCorpus.PixelBombPng(100_000, 100_000), FiftyMegapixels).Refusal;

        Assert.NotNull(refusal);
        Assert.Equal("too-many-pixels", refusal.Reason);
        Assert.Equal("The PNG header claims 100,000 × 100,000 pixels (10,000 megapixels); the limit is 50 megapixels. It was refused before decoding.",
            refusal.Detail);
    }

    [Fact]
    public void A_one_pixel_high_strip_of_half_a_billion_pixels_is_refused()
    {
        // The shape of ImageSharp #2727: 1 × 500,000,000.
        var refusal = PhotoInspector.Inspect(MaliciousCorpus.PixelBombPng(1, 500_000_000), FiftyMegapixels).Refusal;

        Assert.NotNull(refusal);
        Assert.Equal(400, refusal.Status);
    }

    [Fact]
    public void The_pixel_limit_comes_from_the_caller()
    {
        var bytes = TestImages.Png(100, 100);

        Assert.Null(PhotoInspector.Inspect(bytes, 10_000).Refusal);
        Assert.Equal("too-many-pixels", PhotoInspector.Inspect(bytes, 9_999).Refusal?.Reason);
    }

    [Fact]
    public void Extra_whole_JPEGs_after_the_first_are_accepted_as_phones_store_previews()
    {
        var jpeg = TestImages.Jpeg(300, 200);
        byte[] withPreview = [.. jpeg, .. TestImages.Jpeg(60, 40)];

        Assert.Null(PhotoInspector.Inspect(withPreview, FiftyMegapixels).Refusal);
    }

    static byte[] NoiseJpeg(int width, int height, int seed)
    {
        var random = new Random(seed);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var pixels = new byte[width * height * 4];
        random.NextBytes(pixels);
        for (var i = 3; i < pixels.Length; i += 4) pixels[i] = 255;
        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 95);
        return data.ToArray();
    }
}
