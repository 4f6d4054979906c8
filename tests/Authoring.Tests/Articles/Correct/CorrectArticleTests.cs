using NewsPlatform.Authoring.Articles;
using NewsPlatform.Authoring.Articles.Correct;
using NewsPlatform.Authoring.Articles.Edit;

namespace NewsPlatform.Authoring.Tests.Articles.Correct;

public sealed class CorrectArticleTests : ArticleSpec
{
    [Fact]
    public void A_correction_carries_its_note_and_corrected_content_and_moves_the_updated_time()
    {
        var history = HistoryTo(ArticleStatus.Published);
        var decision = CorrectArticle.Decide(Given(history),
            new CorrectArticle(" An earlier version misspelt a name. ", new ArticleEdit(Authors: ["Camilla Jessen", "Søren Holm"]), Now), Editor, Sections);

        Then(decision, new ArticleCorrected("An earlier version misspelt a name.", Content with { Authors = ["Camilla Jessen", "Søren Holm"] }, ["authors"], Now));
        var article = Given([.. history, .. decision.Events]);
        Assert.Equal(Now, article.UpdatedAt);
        Assert.Equal("An earlier version misspelt a name.", Assert.Single(article.Corrections).Note);
    }

    [Fact]
    public void Corrections_accumulate_in_order()
    {
        var article = Given([.. HistoryTo(ArticleStatus.Published),
            new ArticleCorrected("First.", Content, [], Now), new ArticleCorrected("Second.", Content, [], Now.AddHours(1))]);

        Assert.Equal(["First.", "Second."], article.Corrections.Select(c => c.Note));
        Assert.Equal(Now.AddHours(1), article.UpdatedAt);
    }

    [Fact]
    public void A_correction_without_a_note_is_refused_naming_note()
    {
        var refusal = ThenRefused(CorrectArticle.Decide(Given(HistoryTo(ArticleStatus.Published)), new CorrectArticle("", null, Now), Editor, Sections),
            RefusalKind.Invalid);

        Assert.Equal(["note"], refusal.Errors!.Keys);
    }
}
