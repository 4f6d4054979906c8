using NewsPlatform.ServiceDefaults.Hosting;

namespace NewsPlatform.ServiceDefaults.Messaging;

/// <summary>Settings under <c>Messaging</c>: the queues every service declares, the broker's CA, and how long consumers remember a message.</summary>
public sealed class MessagingOptions : IValidatedOptions
{
    public const string Section = "Messaging";

    /// <summary>
    /// <c>quorum</c> (the default: replicated over the cluster's nodes) or <c>classic</c> (a single development node).
    /// A queue keeps the type it was declared with: see the operations guide before changing it.
    /// </summary>
    public string QueueType { get; set; } = "quorum";

    /// <summary>PEM file of the CA that issued the broker's certificate, for amqps:// without the system's trust store.</summary>
    public string? TlsCaFile { get; set; }

    /// <summary>How long proof of processing is kept, to recognise a redelivery (default 14 days).</summary>
    public TimeSpan ProcessedMessageRetention { get; set; } = TimeSpan.FromDays(14);

    public bool Quorum => QueueType.Trim().Equals("quorum", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<SettingProblem> Validate()
    {
        if (QueueType.Trim().ToLowerInvariant() is not ("quorum" or "classic"))
            yield return new(nameof(QueueType), $"is '{QueueType}'; it must be 'quorum' (the default) or 'classic'. " +
                "A queue keeps the type it was declared with: see the operations guide before changing it");
        if (TlsCaFile is { Length: > 0 } path && !File.Exists(path))
            yield return new(nameof(TlsCaFile), $"names {path}, which does not exist");
        if (ProcessedMessageRetention < TimeSpan.FromHours(1))
            yield return new(nameof(ProcessedMessageRetention),
                $"must be at least an hour (longer than any redelivery can be late); it is {ProcessedMessageRetention}");
    }
}
