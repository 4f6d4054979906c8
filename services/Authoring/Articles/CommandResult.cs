namespace NewsPlatform.Authoring.Articles;

/// <summary>What happened to a command against the event store.</summary>
public abstract record CommandResult
{
    /// <summary>Decided and committed (or nothing needed to change); the article as it now stands.</summary>
    public sealed record Done(Article Article) : CommandResult;
    public sealed record NotFound : CommandResult;
    public sealed record Refused(Refusal Refusal) : CommandResult;
    /// <summary>The client's version (If-Match) is not the current one: someone else saved first.</summary>
    public sealed record Stale(long ExpectedVersion, long? CurrentVersion) : CommandResult;
    /// <summary>Another change landed while this one was being decided, or a URL clash.</summary>
    public sealed record Conflict(string Reason) : CommandResult;
}
