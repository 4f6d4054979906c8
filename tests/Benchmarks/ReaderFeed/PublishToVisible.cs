using System.Diagnostics;
using MassTransit;
using NewsPlatform.Contracts.Articles;
using NewsPlatform.TestKit;

namespace NewsPlatform.Benchmarks.ReaderFeed;

/// <summary>
/// Publish-to-visible: an <c>ArticleRevisedV1</c> published on the broker as the relay does (publisher confirms,
/// MessageId = EventId), timed until a reader's <c>GET</c> of the article page (polled every 2 ms) shows the new
/// headline — asked of ReaderFeed directly, or of the gateway with its output cache on.
/// </summary>
public static class PublishToVisible
{
    public static async Task<List<double>> MeasureAsync(string rabbitMq, HttpClient reader, PublicArticle article, long firstVersion, int samples,
        CancellationToken cancellationToken)
    {
        var bus = await TestBus.StartAsync(rabbitMq, cancellationToken);
        try
        {
            var path = $"/{article.Section}/{article.Slug}";
            // The page is in the reader's path (and in the gateway's cache) before each change, as for a read article.
            await reader.GetStringAsync(path, cancellationToken);
            var times = new List<double>();
            for (var i = 0; i < samples; i++)
            {
                var marker = $"Visible revision {firstVersion + i} {Guid.NewGuid():N}";
                var revised = new ArticleRevisedV1(Guid.NewGuid(), article.ArticleId, firstVersion + i, DateTimeOffset.UtcNow, article with { Headline = marker }, false);
                var clock = Stopwatch.StartNew();
                await bus.Publish(revised, c => c.MessageId = revised.EventId, cancellationToken);
                while (!(await reader.GetStringAsync(path, cancellationToken)).Contains(marker, StringComparison.Ordinal))
                {
                    if (clock.Elapsed > TimeSpan.FromSeconds(30)) throw new TimeoutException($"Revision {firstVersion + i} was not visible after 30 s.");
                    await Task.Delay(2, cancellationToken);
                }
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
            return times;
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }
    }
}
