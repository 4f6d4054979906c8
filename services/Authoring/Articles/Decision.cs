namespace NewsPlatform.Authoring.Articles;

/// <summary>Why a command was refused, which decides the HTTP status: 409, 403 or 400.</summary>
public enum RefusalKind
{
    /// <summary>Not possible from the article's current state (409).</summary>
    NotAllowed,
    /// <summary>The actor's role does not allow it (403).</summary>
    Forbidden,
    /// <summary>The input is not acceptable; <see cref="Refusal.Errors"/> names the fields (400).</summary>
    Invalid,
}

public sealed record Refusal(RefusalKind Kind, string Reason, IReadOnlyDictionary<string, string[]>? Errors = null);

/// <summary>The outcome of a pure decision: the events to append, or a refusal with its reason.</summary>
public sealed record Decision(IReadOnlyList<IArticleEvent> Events, Refusal? Refusal)
{
    public bool IsRefused => Refusal is not null;

    public static Decision Accept(params IArticleEvent[] events) => new(events, null);

    public static Decision NotAllowed(string reason, IReadOnlyDictionary<string, string[]>? errors = null) =>
        new([], new Refusal(RefusalKind.NotAllowed, reason, errors));

    public static Decision Forbidden(string reason) => new([], new Refusal(RefusalKind.Forbidden, reason));

    public static Decision Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new([], new Refusal(RefusalKind.Invalid, "The article is not valid: " + Describe(errors), errors));

    public static Decision Invalid(string field, string error) => Invalid(new Dictionary<string, string[]> { [field] = [error] });

    static string Describe(IReadOnlyDictionary<string, string[]> errors) =>
        string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"));
}
