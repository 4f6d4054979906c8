namespace NewsPlatform.Authoring.Articles;

public static class ArticleActors
{
    /// <summary>Whether the actor created the article (writers may change only their own).</summary>
    public static bool Wrote(this Actor actor, Article article) => actor.Is(article.CreatedBy);
}
