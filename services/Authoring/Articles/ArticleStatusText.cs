namespace NewsPlatform.Authoring.Articles;

public static class ArticleStatusText
{
    /// <summary>The status as a person would say it, for refusal reasons.</summary>
    public static string Describe(this ArticleStatus status) => status switch
    {
        ArticleStatus.Draft => "a draft",
        ArticleStatus.InReview => "in review",
        ArticleStatus.Approved => "approved",
        ArticleStatus.Scheduled => "scheduled",
        ArticleStatus.Published => "published",
        ArticleStatus.Unpublished => "unpublished",
        _ => status.ToString(),
    };
}
