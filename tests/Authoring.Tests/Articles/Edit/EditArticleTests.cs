using NewsPlatform.Authoring.Articles;
using NewsPlatform.Authoring.Articles.Edit;

namespace NewsPlatform.Authoring.Tests.Articles.Edit;

public sealed class EditArticleTests : ArticleSpec
{
    static EditArticle Edit(ArticleEdit edit, string? slug = null, bool significant = false) => new(edit, slug, significant, Now);

    [Fact]
    public void An_edit_of_a_draft_records_the_new_content_and_names_the_changed_fields()
    {
        var decision = EditArticle.Decide(Given(Drafted()), Edit(new ArticleEdit(Headline: "New headline", Tags: ["a", "b"])), Author, Sections);

        Then(decision, new ArticleEdited(Content with { Headline = "New headline", Tags = ["a", "b"] }, ["headline", "tags"], Now));
    }

    [Fact]
    public void Fields_left_out_keep_their_values_and_an_edit_that_changes_nothing_records_nothing()
    {
        var decision = EditArticle.Decide(Given(Drafted()), Edit(new ArticleEdit(Headline: Content.Headline)), Author, Sections);

        Then(decision);
    }

    [Fact]
    public void The_hero_image_is_removed_only_when_asked()
    {
        var media = Guid.NewGuid();
        var withHero = Given(Drafted(Content with { HeroMediaId = media }));

        Then(EditArticle.Decide(withHero, Edit(new ArticleEdit(Body: "x")), Editor, Sections),
            new ArticleEdited(Content with { HeroMediaId = media, Body = "x" }, ["body"], Now));
        Then(EditArticle.Decide(withHero, Edit(new ArticleEdit(RemoveHeroMedia: true)), Editor, Sections),
            new ArticleEdited(Content, ["heroMediaId"], Now));
    }

    [Fact]
    public void Editing_a_live_article_is_a_revision_that_may_be_significant()
    {
        var decision = EditArticle.Decide(Given(HistoryTo(ArticleStatus.Published)),
            Edit(new ArticleEdit(Standfirst: "Updated standfirst."), significant: true), Editor, Sections);

        Then(decision, new ArticleRevised(Content with { Standfirst = "Updated standfirst." }, ["standfirst"], true, Now));
        Assert.Equal(Now, Given([.. HistoryTo(ArticleStatus.Published), .. decision.Events]).UpdatedAt);
    }

    [Fact]
    public void A_minor_revision_leaves_the_public_updated_time_alone()
    {
        var decision = EditArticle.Decide(Given(HistoryTo(ArticleStatus.Published)), Edit(new ArticleEdit(Body: "Typo fixed.")), Editor, Sections);

        Assert.Null(Given([.. HistoryTo(ArticleStatus.Published), .. decision.Events]).UpdatedAt);
    }

    [Fact]
    public void Renaming_a_draft_forgets_the_old_slug_but_renaming_a_live_article_keeps_it_for_redirects()
    {
        var draftRename = EditArticle.Decide(Given(Drafted()), Edit(new ArticleEdit(), "new-slug"), Author, Sections);
        var liveRename = EditArticle.Decide(Given(HistoryTo(ArticleStatus.Published)), Edit(new ArticleEdit(), "new-slug"), Editor, Sections);

        Then(draftRename, new ArticleSlugChanged("north-korean-soldiers", "new-slug", Now));
        Assert.Empty(Given([Drafted(), .. draftRename.Events]).PreviousSlugs);
        var live = Given([.. HistoryTo(ArticleStatus.Published), .. liveRename.Events]);
        Assert.Equal("new-slug", live.Slug);
        Assert.Equal(["north-korean-soldiers"], live.PreviousSlugs);
    }

    [Fact]
    public void Renaming_back_to_an_old_slug_takes_it_out_of_the_redirects()
    {
        var history = HistoryTo(ArticleStatus.Published).Concat<IArticleEvent>([
            new ArticleSlugChanged("north-korean-soldiers", "second", Now),
            new ArticleSlugChanged("second", "north-korean-soldiers", Now),
        ]).ToArray();

        var article = Given(history);

        Assert.Equal("north-korean-soldiers", article.Slug);
        Assert.Equal(["second"], article.PreviousSlugs);
    }

    [Fact]
    public void The_section_of_a_published_article_cannot_change()
    {
        ThenRefused(EditArticle.Decide(Given(HistoryTo(ArticleStatus.Unpublished)), Edit(new ArticleEdit(Section: "World")), Editor, Sections),
            RefusalKind.NotAllowed, "part of its URL");
    }

    [Fact]
    public void A_live_article_cannot_lose_its_body()
    {
        var refusal = ThenRefused(EditArticle.Decide(Given(HistoryTo(ArticleStatus.Published)), Edit(new ArticleEdit(Body: " ")), Editor, Sections),
            RefusalKind.NotAllowed);

        Assert.Equal(["body"], refusal.Errors!.Keys);
    }

    [Fact]
    public void Invalid_values_are_refused_field_by_field()
    {
        var refusal = ThenRefused(EditArticle.Decide(Given(Drafted()),
            Edit(new ArticleEdit(Headline: "", Section: "Gardening", Tags: [new string('t', 51)]), "Bad Slug"), Author, Sections), RefusalKind.Invalid);

        Assert.Equal(["headline", "section", "tags", "slug"], refusal.Errors!.Keys);
    }
}
