using System.Diagnostics;
using System.Net;
using System.Text;

namespace NewsPlatform.Benchmarks.Trending;

/// <summary>
/// Open-loop reader traffic at a fixed rate: a Zipf-shaped baseline over many articles (a few popular,
/// a long tail) plus, when asked, a spike on one article. Every view comes from a new reader at a random address.
/// </summary>
public sealed class PacedViews : IAsyncDisposable
{
    /// <summary>Beacons awaiting their answer at once; each waits for its batch's publisher confirm (tens of ms).</summary>
    public const int InFlight = 256;

    readonly HttpClient _client;
    readonly IReadOnlyList<Guid> _articles;
    readonly double[] _cumulative;
    readonly double _perSecond;
    readonly SemaphoreSlim _slots = new(InFlight);
    readonly CancellationTokenSource _stop = new();
    readonly Task _loop;
    readonly Random _random = new(42);
    long _sent, _failed;
    volatile SpikeSpec? _spike;

    sealed record SpikeSpec(Guid Article, double PerSecond);

    public PacedViews(HttpClient client, IReadOnlyList<Guid> articles, double perSecond)
    {
        _client = client;
        _articles = articles;
        _perSecond = perSecond;
        var weights = articles.Select((_, i) => 1.0 / (i + 1)).ToArray();
        var total = weights.Sum();
        _cumulative = new double[weights.Length];
        double sum = 0;
        for (var i = 0; i < weights.Length; i++) _cumulative[i] = sum += weights[i] / total;
        _loop = Task.Run(LoopAsync);
    }

    public long Sent => Interlocked.Read(ref _sent);
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Baseline views per second of the article at <paramref name="rank"/> (0 = busiest).</summary>
    public double RateOf(int rank) => _perSecond * (_cumulative[rank] - (rank == 0 ? 0 : _cumulative[rank - 1]));

    public void StartSpike(Guid article, double perSecond) => _spike = new SpikeSpec(article, perSecond);

    public void StopSpike() => _spike = null;

    async Task LoopAsync()
    {
        var clock = Stopwatch.StartNew();
        double last = 0, baseDue = 0, spikeDue = 0;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(10, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            var now = clock.Elapsed.TotalSeconds;
            var elapsed = now - last;
            last = now;
            var spike = _spike;
            baseDue += _perSecond * elapsed;
            spikeDue = spike is null ? 0 : spikeDue + spike.PerSecond * elapsed;
            for (; baseDue >= 1; baseDue--) await FireAsync(Sample());
            for (; spike is not null && spikeDue >= 1; spikeDue--) await FireAsync(spike.Article);
        }
    }

    Guid Sample()
    {
        var index = Array.BinarySearch(_cumulative, _random.NextDouble());
        return _articles[Math.Min(index < 0 ? ~index : index, _articles.Count - 1)];
    }

    async Task FireAsync(Guid article)
    {
        await _slots.WaitAsync();
        _ = Task.Run(async () =>
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/trending/views")
                {
                    Content = new StringContent($$"""{"articleId":"{{article}}"}""", Encoding.UTF8, "application/json"),
                };
                request.Headers.TryAddWithoutValidation("User-Agent", ViewsScript.Browser);
                request.Headers.Add("Cookie", $"np_reader={Guid.NewGuid():N}");
                // A reader address, as the load balancer in front of the gateway forwards it (see ViewsScript).
                request.Headers.Add("X-Forwarded-For", $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}");
                using var response = await _client.SendAsync(request);
                Interlocked.Increment(ref _sent);
                if (response.StatusCode != HttpStatusCode.Accepted) Interlocked.Increment(ref _failed);
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref _failed);
            }
            finally
            {
                _slots.Release();
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        for (var i = 0; i < InFlight; i++) await _slots.WaitAsync(); // let the requests in flight finish
        _stop.Dispose();
    }
}
