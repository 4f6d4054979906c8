using NewsPlatform.Media.Renditions;

namespace NewsPlatform.Media.Tests.Renditions;

public class RenditionPlanTests
{
    [Fact]
    public void A_large_photo_gets_the_five_standard_widths()
    {
        var plan = RenditionPlan.For(4000, 3000);

        Assert.Equal([320, 640, 1024, 1600, 2400], plan.Select(s => s.Width));
        Assert.Equal([240, 480, 768, 1200, 1800], plan.Select(s => s.Height));
    }

    [Theory]
    [InlineData(1800, new[] { 320, 640, 1024, 1600, 1800 })]
    [InlineData(640, new[] { 320, 640 })]
    [InlineData(300, new[] { 300 })]
    [InlineData(1, new[] { 1 })]
    [InlineData(2400, new[] { 320, 640, 1024, 1600, 2400 })]
    [InlineData(2401, new[] { 320, 640, 1024, 1600, 2400 })]
    public void Never_upscales_and_always_has_the_photo_at_its_own_width_up_to_2400(int width, int[] widths)
    {
        Assert.Equal(widths, RenditionPlan.For(width, 100).Select(s => s.Width));
    }

    [Fact]
    public void Heights_keep_the_aspect_ratio_and_never_reach_zero()
    {
        Assert.Equal([1, 1, 1, 1, 1], RenditionPlan.For(10_000, 5).Select(s => s.Height));
        Assert.Equal([1067, 2133, 3413, 5333, 8000], RenditionPlan.For(3000, 10_000).Select(s => s.Height));
    }
}
