using NewsPlatform.Authoring.Articles;
using NewsPlatform.Authoring.Articles.Create;

namespace NewsPlatform.Authoring.Tests.Articles.Create;

public sealed class CreateArticleTests : ArticleSpec
{
    [Fact]
    public void A_writer_drafts_an_article_with_tidied_content_in_the_configured_section()
    {
        var messy = Content with { Headline = "  Storm  ", Section = "news", Authors = ["Camilla Jessen", " camilla jessen ", ""], Tags = ["a", "A"] };

        var decision = CreateArticle.Decide(new CreateArticle(Id, messy, "storm", Now), Author, Sections);

        Then(decision, new ArticleDrafted(Id, messy with { Headline = "Storm", Section = "News", Authors = ["Camilla Jessen"], Tags = ["a"] },
            "storm", Author.Email, Now));
    }

    [Fact]
    public void A_draft_needs_only_a_headline_and_a_section()
    {
        var bare = new ArticleContent("Just a headline", "", "", "Sports", [], [], null);

        var decision = CreateArticle.Decide(new CreateArticle(Id, bare, "just-a-headline", Now), Author, Sections);

        Then(decision, new ArticleDrafted(Id, bare, "just-a-headline", Author.Email, Now));
    }

    [Fact]
    public void A_slug_that_is_not_canonical_is_refused_naming_the_field()
    {
        var refusal = ThenRefused(CreateArticle.Decide(new CreateArticle(Id, Content, "Not--A Slug", Now), Author, Sections), RefusalKind.Invalid);

        Assert.Equal(["slug"], refusal.Errors!.Keys);
    }

    [Fact]
    public void Someone_without_a_newsroom_role_cannot_write()
    {
        ThenRefused(CreateArticle.Decide(new CreateArticle(Id, Content, "x", Now), Reader, Sections), RefusalKind.Forbidden);
    }
}
