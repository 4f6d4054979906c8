using NewsPlatform.ServiceDefaults.Hosting;

namespace NewsPlatform.ServiceDefaults.Messaging;

/// <summary>Settings under <c>Messaging</c> for consumers: how long a message applied is remembered.</summary>
public sealed class ProcessedMessageOptions : IValidatedOptions
{
    public const string Section = "Messaging";

    /// <summary>How long proof of processing is kept, to recognise a redelivery (default 14 days).</summary>
    public TimeSpan ProcessedMessageRetention { get; set; } = TimeSpan.FromDays(14);

    public IEnumerable<SettingProblem> Validate()
    {
        if (ProcessedMessageRetention < TimeSpan.FromHours(1))
            yield return new(nameof(ProcessedMessageRetention),
                $"must be at least an hour (longer than any redelivery can be late); it is {ProcessedMessageRetention}");
    }
}
