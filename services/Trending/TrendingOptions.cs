using NewsPlatform.ServiceDefaults.Hosting;

namespace NewsPlatform.Trending;

/// <summary>Settings under <c>Trending</c>; every value has a production default.</summary>
public sealed class TrendingOptions : IValidatedOptions
{
    public const string Section = "Trending";

    /// <summary>A view's weight halves every <see cref="HalfLife"/>.</summary>
    public TimeSpan HalfLife { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Length of the lists announced with <c>TrendingChangedV1</c> and the default <c>limit</c>.</summary>
    public int TopN { get; set; } = 10;

    /// <summary>Largest <c>limit</c> a reader may ask for.</summary>
    public int MaxLimit { get; set; } = 50;

    /// <summary>A reader viewing the same article again within this window is not counted again.</summary>
    public TimeSpan RepeatWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Most (reader, article) pairs one node remembers in its in-memory first stage (about 130 bytes each, measured, so
    /// 500,000 ≈ 63 MB, well inside the pod's 512 MiB limit); beyond it the oldest are forgotten early and the
    /// scorer, which decides repeats in PostgreSQL, still catches theirs.
    /// </summary>
    public int RepeatCapacity { get; set; } = 500_000;

    /// <summary>
    /// Group commit: a batch is published at most this long after its first view arrived (or sooner, when
    /// <see cref="MaxBatchViews"/> is reached). A beacon's answer waits for its batch's publisher confirm.
    /// </summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>A batch holding this many views is published at once, without waiting for <see cref="FlushInterval"/>.</summary>
    public int MaxBatchViews { get; set; } = 500;

    /// <summary>How long a batch may wait for the broker's confirm before its beacons are answered 503.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Batches published at once, awaiting their confirms; the next batch waits for a free slot.</summary>
    public int MaxBatchesInFlight { get; set; } = 8;

    /// <summary>How often a node re-reads which articles are live.</summary>
    public TimeSpan CatalogRefresh { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the top-N lists are compared (TrendingChangedV1 at most this often).</summary>
    public TimeSpan ChangeInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long per-minute view counts are kept for replay.</summary>
    public TimeSpan ReplayRetention { get; set; } = TimeSpan.FromDays(30);

    public IEnumerable<SettingProblem> Validate()
    {
        if (HalfLife <= TimeSpan.Zero) yield return new(nameof(HalfLife), $"must be positive; it is {HalfLife}");
        if (TopN is < 1 or > 100) yield return new(nameof(TopN), $"must be between 1 and 100; it is {TopN}");
        if (MaxLimit < TopN) yield return new(nameof(MaxLimit), $"must be at least Trending:TopN ({TopN}); it is {MaxLimit}");
        if (RepeatWindow < TimeSpan.Zero) yield return new(nameof(RepeatWindow), $"must not be negative; it is {RepeatWindow}");
        if (RepeatCapacity < 1) yield return new(nameof(RepeatCapacity), $"must be positive; it is {RepeatCapacity}");
        if (FlushInterval <= TimeSpan.Zero) yield return new(nameof(FlushInterval), $"must be positive; it is {FlushInterval}");
        if (CatalogRefresh <= TimeSpan.Zero) yield return new(nameof(CatalogRefresh), $"must be positive; it is {CatalogRefresh}");
        if (ChangeInterval <= TimeSpan.Zero) yield return new(nameof(ChangeInterval), $"must be positive; it is {ChangeInterval}");
        if (MaxBatchViews < 1) yield return new(nameof(MaxBatchViews), $"must be positive; it is {MaxBatchViews}");
        if (MaxBatchesInFlight < 1) yield return new(nameof(MaxBatchesInFlight), $"must be positive; it is {MaxBatchesInFlight}");
        if (PublishTimeout <= TimeSpan.Zero) yield return new(nameof(PublishTimeout), $"must be positive; it is {PublishTimeout}");
        if (ReplayRetention <= TimeSpan.Zero) yield return new(nameof(ReplayRetention), $"must be positive; it is {ReplayRetention}");
    }
}
