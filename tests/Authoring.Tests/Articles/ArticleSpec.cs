using System.Text.Json;
using NewsPlatform.Authoring.Articles;
using NewsPlatform.ServiceDefaults.Newsroom;
using NewsPlatform.ServiceDefaults.Security;

namespace NewsPlatform.Authoring.Tests.Articles;

/// <summary>Given (past events) / When (a decision) / Then (events or a refusal) for the pure article decisions.</summary>
public abstract class ArticleSpec
{
    protected static readonly Guid Id = Guid.Parse("0195e0b4-8a4e-7c3f-9d2a-5b6c7d8e9f01");
    protected static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2025-01-14T12:36:00Z");
    protected static readonly DateTimeOffset Now = T0.AddHours(2);
    protected static readonly Sections Sections = Sections.Default;

    protected static readonly Actor Author = Actor.Writer("camilla@newsplatform.test");
    protected static readonly Actor OtherWriter = Actor.Writer("other@newsplatform.test");
    protected static readonly Actor Editor = Actor.Editor("desk@newsplatform.test");
    protected static readonly Actor Admin = new("chief@newsplatform.test", [Roles.Admin]);
    protected static readonly Actor Reader = new("reader@newsplatform.test", []);

    protected static readonly ArticleContent Content = new(
        "North Korean Soldiers Ordered to Commit Suicide to Avoid Capture",
        "North Korean troops stationed in Russia’s Kursk region have reportedly been instructed to commit suicide.",
        "North Korean troops stationed in Russia’s Kursk region ...\n\n## First North Korean Soldiers Captured\n",
        "News", ["Camilla Jessen"], ["north-korea"], null);

    protected static IArticleEvent Drafted(ArticleContent? content = null) =>
        new ArticleDrafted(Id, content ?? Content, "north-korean-soldiers", Author.Email, T0);

    /// <summary>The events that bring a fresh article to <paramref name="status"/>.</summary>
    protected static IArticleEvent[] HistoryTo(ArticleStatus status) => status switch
    {
        ArticleStatus.Draft => [Drafted()],
        ArticleStatus.InReview => [.. HistoryTo(ArticleStatus.Draft), new ArticleSubmitted(T0.AddMinutes(10))],
        ArticleStatus.Approved => [.. HistoryTo(ArticleStatus.InReview), new ArticleApproved(T0.AddMinutes(20))],
        ArticleStatus.Scheduled => [.. HistoryTo(ArticleStatus.Approved), new ArticleScheduled(T0.AddHours(1), T0.AddMinutes(30))],
        ArticleStatus.Published => [.. HistoryTo(ArticleStatus.Approved), new ArticlePublished(T0.AddMinutes(40), null, T0.AddMinutes(40))],
        ArticleStatus.Unpublished => [.. HistoryTo(ArticleStatus.Published), new ArticleUnpublished("Legal", T0.AddMinutes(50))],
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    protected static Article Given(params IArticleEvent[] events) => Article.Fold(events) ?? throw new InvalidOperationException("No article");

    protected static void Then(Decision<IArticleEvent> decision, params IArticleEvent[] expected)
    {
        Assert.True(decision.Refusal is null, $"Refused: {decision.Refusal?.Reason}");
        Assert.Equal(expected.Select(Describe), decision.Events.Select(Describe));
    }

    protected static Refusal ThenRefused(Decision<IArticleEvent> decision, RefusalKind kind, string? reasonContains = null)
    {
        Assert.NotNull(decision.Refusal);
        Assert.Empty(decision.Events);
        Assert.Equal(kind, decision.Refusal.Kind);
        if (reasonContains is not null) Assert.Contains(reasonContains, decision.Refusal.Reason);
        return decision.Refusal;
    }

    /// <summary>Records holding lists compare by reference; their JSON compares by value.</summary>
    static string Describe(IArticleEvent e) => e.GetType().Name + JsonSerializer.Serialize(e, e.GetType());
}
