using System.Diagnostics.Metrics;
using Marten;
using Microsoft.Extensions.Options;
using NewsPlatform.Authoring.Articles.Publish;
using NewsPlatform.ServiceDefaults.Domain;
using NewsPlatform.ServiceDefaults.Hosting;
using NewsPlatform.ServiceDefaults.Telemetry;

namespace NewsPlatform.Authoring.Articles.Schedule;

public sealed class SchedulingOptions : IValidatedOptions
{
    public const string Section = "Authoring:Scheduling";
    /// <summary>How often due articles are looked for; publication happens at most this long after its time.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public IEnumerable<SettingProblem> Validate()
    {
        if (PollInterval <= TimeSpan.Zero) yield return new(nameof(PollInterval), $"must be positive; it is {PollInterval}");
    }
}

/// <summary>
/// Publishes scheduled articles whose time has come. It looks at once on start, so an article due
/// while the service was down is published late (the event records planned and actual time).
/// Every instance runs it; the stream's optimistic concurrency lets exactly one of them publish
/// and makes the others' attempts fail harmlessly.
/// </summary>
public sealed class ScheduledPublisher(
    IDocumentStore store, TimeProvider clock, IOptions<SchedulingOptions> options, ILogger<ScheduledPublisher> logger) : BackgroundService
{
    public const string User = "scheduler";
    const int Batch = 100;

    static readonly Counter<long> Published = NewsPlatformTelemetry.Meter.CreateCounter<long>(
        "newsplatform.authoring.scheduled_published", description: "Scheduled articles published by this instance");
    static readonly Counter<long> LostRaces = NewsPlatformTelemetry.Meter.CreateCounter<long>(
        "newsplatform.authoring.scheduled_lost_races", description: "Scheduled publications another instance made first");
    static readonly Histogram<double> Lateness = NewsPlatformTelemetry.Meter.CreateHistogram<double>(
        "newsplatform.authoring.scheduled_lateness", unit: "s", description: "Time between an article's planned and actual publication");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        do
        {
            try
            {
                while ((await PublishDueAsync(stoppingToken)).Due == Batch) { }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be briefly away; the next tick tries again.
                logger.LogWarning(ex, "Looking for scheduled articles failed");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Publishes what is due now: how many articles were due, and how many of them this instance published.</summary>
    public async Task<(int Due, int Published)> PublishDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var query = store.QuerySession();
        var due = await query.Query<Article>()
            .Where(a => a.Status == ArticleStatus.Scheduled && a.ScheduledFor <= now)
            .OrderBy(a => a.ScheduledFor)
            .Select(a => a.Id)
            .Take(Batch)
            .ToListAsync(ct);
        var published = 0;
        foreach (var id in due)
            if (await PublishAsync(id, ct)) published++;
        return (due.Count, published);
    }

    async Task<bool> PublishAsync(Guid id, CancellationToken ct)
    {
        using var activity = NewsPlatformTelemetry.Source.StartActivity("publish scheduled article");
        await using var session = store.LightweightSession();
        session.LastModifiedBy = User;
        session.CorrelationId = activity?.TraceId.ToHexString() ?? Guid.NewGuid().ToString("N");

        ArticlePublished? publication = null;
        var result = await session.RunAsync<Article, IArticleEvent>(id, expectedVersion: null, article =>
        {
            var decision = PublishDueArticle.Decide(article, new PublishDueArticle(clock.GetUtcNow()));
            publication = decision.Events.OfType<ArticlePublished>().SingleOrDefault();
            return decision;
        }, ct);
        if (result is CommandResult<Article>.Concurrent)
        {
            LostRaces.Add(1);
            logger.LogDebug("Article {ArticleId} was changed by someone else while being published; leaving it to them", id);
            return false;
        }
        // Refused: published, moved or unscheduled since we looked.
        if (result is not CommandResult<Article>.Done || publication is not { } published) return false;

        Published.Add(1);
        Lateness.Record((published.At - published.ScheduledFor!.Value).TotalSeconds);
        logger.LogInformation("Published scheduled article {ArticleId} (planned {Planned:u}, published {Actual:u})",
            id, published.ScheduledFor, published.At);
        return true;
    }
}
