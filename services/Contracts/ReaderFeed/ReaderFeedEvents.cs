namespace NewsPlatform.Contracts.ReaderFeed;

/// <summary>
/// ReaderFeed has committed a change that shows on reader pages, so from now on it serves the new pages: caches
/// in front of it (the gateway's output cache) drop what they hold. Sent after the commit, never before, so a
/// cache refilled on hearing this cannot pick up the old page. <paramref name="Cause"/> names what changed it
/// (the Contracts event, e.g. <c>ArticleRevisedV1</c>, or <c>Rebuild</c>); <paramref name="SubjectId"/> is the
/// article or photo, null for a rebuild. Best effort: a lost notice leaves a cached page until it expires.
/// </summary>
public sealed record ReaderPagesChangedV1(
    Guid EventId, DateTimeOffset OccurredAt, string Cause, Guid? SubjectId) : IIntegrationEvent;
