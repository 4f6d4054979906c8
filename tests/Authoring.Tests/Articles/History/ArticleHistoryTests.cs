using NewsPlatform.Authoring.Articles;
using NewsPlatform.Authoring.Articles.History;

namespace NewsPlatform.Authoring.Tests.Articles.History;

public sealed class ArticleHistoryTests : ArticleSpec
{
    [Fact]
    public void A_late_scheduled_publication_says_how_late()
    {
        var planned = T0.AddHours(1);

        var detail = ArticleHistory.Detail(new ArticlePublished(planned.AddMinutes(7), planned, planned.AddMinutes(7)));

        Assert.Equal("Published by the scheduler at 2025-01-14 13:43:00Z, 7 min after the planned 2025-01-14 13:36:00Z", detail);
    }

    [Fact]
    public void An_import_keeps_its_original_time_in_the_audit()
    {
        Assert.Equal("Published with its original time 2025-01-14 12:36:00Z", ArticleHistory.Detail(new ArticlePublished(T0, null, Now)));
    }

    [Fact]
    public void The_diff_names_only_what_changed()
    {
        var before = Given(Drafted());
        var after = Given(Drafted(), new ArticleEdited(Content with { Tags = ["a"], Body = "New" }, ["body", "tags"], Now));

        var diff = ArticleHistory.Diff(before, after);

        Assert.Equal((1L, 2L), (diff.From, diff.To));
        Assert.Equal(["body", "tags"], diff.Changes.Select(c => c.Field));
        Assert.Equal("New", diff.Changes[0].After);
    }
}
