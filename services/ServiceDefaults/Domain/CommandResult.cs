namespace NewsPlatform.ServiceDefaults.Domain;

/// <summary>What happened to a command against an event stream (see <see cref="StreamCommands"/>).</summary>
public abstract record CommandResult<TState>
{
    /// <summary>Decided and committed (or nothing needed to change); the state as it now stands.</summary>
    public sealed record Done(TState State) : CommandResult<TState>;

    /// <summary>There is no stream with this id.</summary>
    public sealed record NotFound(Guid Id) : CommandResult<TState>;

    /// <summary>The decider refused; nothing was appended.</summary>
    public sealed record Refused(Refusal Refusal) : CommandResult<TState>;

    /// <summary>The client's version (If-Match) is not the current one: someone else saved first.</summary>
    public sealed record Stale(Guid Id, long ExpectedVersion, long? CurrentVersion) : CommandResult<TState>;

    /// <summary>Without an expected version, another change landed while this one was being decided.</summary>
    public sealed record Concurrent(Guid Id) : CommandResult<TState>;

    /// <summary>The change clashes with something else the domain keeps unique (a URL, say); <see cref="Reason"/> says what.</summary>
    public sealed record Conflict(string Reason) : CommandResult<TState>;
}

/// <summary>
/// Thrown while staging a command's side writes when they clash with another stream's (a URL already
/// taken, say); <see cref="StreamCommands"/> answers it as <see cref="CommandResult{TState}.Conflict"/>.
/// </summary>
public class CommandConflictException(string reason) : Exception(reason);
