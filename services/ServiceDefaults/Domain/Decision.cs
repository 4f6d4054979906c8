namespace NewsPlatform.ServiceDefaults.Domain;

/// <summary>Why a command was refused, which decides the HTTP status: 409, 403 or 400.</summary>
public enum RefusalKind
{
    /// <summary>Not possible from the current state (409).</summary>
    NotAllowed,
    /// <summary>The actor's role does not allow it (403).</summary>
    Forbidden,
    /// <summary>The input is not acceptable; <see cref="Refusal.Errors"/> names the fields (400).</summary>
    Invalid,
}

/// <summary>A refused command: its kind, the reason in words a user understands, and for invalid input the fields.</summary>
public sealed record Refusal(RefusalKind Kind, string Reason, IReadOnlyDictionary<string, string[]>? Errors = null);

/// <summary>
/// The outcome of a pure decision: the events to append, or a refusal with its reason.
/// No events and no refusal means there is nothing to do (the command is already satisfied).
/// </summary>
public sealed record Decision<TEvent>(IReadOnlyList<TEvent> Events, Refusal? Refusal)
{
    public bool IsRefused => Refusal is not null;

    /// <summary>Accepted, and nothing needs to change.</summary>
    public static Decision<TEvent> Nothing { get; } = new([], null);

    public static Decision<TEvent> Accept(params TEvent[] events) => events.Length == 0 ? Nothing : new(events, null);

    public static Decision<TEvent> Accept(IReadOnlyList<TEvent> events) => events.Count == 0 ? Nothing : new(events, null);

    public static Decision<TEvent> NotAllowed(string reason, IReadOnlyDictionary<string, string[]>? errors = null) =>
        new([], new Refusal(RefusalKind.NotAllowed, reason, errors));

    public static Decision<TEvent> Forbidden(string reason) => new([], new Refusal(RefusalKind.Forbidden, reason));

    /// <param name="subject">What is not valid, for the reason's wording: "The article is not valid: headline: ...".</param>
    public static Decision<TEvent> Invalid(string subject, IReadOnlyDictionary<string, string[]> errors) =>
        new([], new Refusal(RefusalKind.Invalid, $"The {subject} is not valid: {Describe(errors)}", errors));

    public static Decision<TEvent> Invalid(string subject, string field, string error) =>
        Invalid(subject, new Dictionary<string, string[]> { [field] = [error] });

    static string Describe(IReadOnlyDictionary<string, string[]> errors) =>
        string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"));
}
