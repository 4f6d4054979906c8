using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using NewsPlatform.Benchmarks.Text;

namespace NewsPlatform.Benchmarks.Reliability;

/// <summary>
/// Editors publishing articles through Authoring (create, then publish) and readers' page-view beacons to Trending,
/// side by side, recording every answer: what was acknowledged (2xx / 202) and when requests failed.
/// </summary>
sealed class NewsroomLoad(HttpClient authoring, HttpClient trending, IReadOnlyList<Guid> beaconArticles, int seed)
{
    public const int Editors = 2;
    public const int Readers = 4;
    const string Browser = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
    const string ReaderCookie = "np_reader";

    readonly Stopwatch _clock = Stopwatch.StartNew();
    public ConcurrentQueue<(Guid Article, TimeSpan At)> Published { get; } = new();
    public ConcurrentQueue<TimeSpan> PublishFailures { get; } = new();
    public ConcurrentQueue<TimeSpan> BeaconsAccepted { get; } = new();
    public ConcurrentQueue<TimeSpan> BeaconFailures { get; } = new();
    public TimeSpan Now => _clock.Elapsed;

    public Task RunAsync(CancellationToken stop) => Task.WhenAll(
        Enumerable.Range(0, Editors).Select(e => Task.Run(() => EditorAsync(new ZipfText(seed * 100 + e), stop), CancellationToken.None))
            .Concat(Enumerable.Range(0, Readers).Select(r => Task.Run(() => ReaderAsync(r, stop), CancellationToken.None))));

    async Task EditorAsync(ZipfText text, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var id = await CreateAsync(authoring, text);
                using var published = await authoring.PostAsync($"/api/authoring/articles/{id}/publish", null);
                if (published.IsSuccessStatusCode) Published.Enqueue((id, Now));
                else PublishFailures.Enqueue(Now);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
            {
                PublishFailures.Enqueue(Now);
                await Task.Delay(100, CancellationToken.None);
            }
        }
    }

    async Task ReaderAsync(int reader, CancellationToken stop)
    {
        var n = 0;
        while (!stop.IsCancellationRequested)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/trending/views")
            {
                Content = new StringContent($$"""{"articleId":"{{beaconArticles[(reader + n++) % beaconArticles.Count]}}"}""",
                    Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation("User-Agent", Browser);
            request.Headers.Add("Cookie", $"{ReaderCookie}={Guid.NewGuid():N}");   // every beacon a new reader: each counts once
            try
            {
                using var response = await trending.SendAsync(request);
                if (response.StatusCode == HttpStatusCode.Accepted) BeaconsAccepted.Enqueue(Now);
                else BeaconFailures.Enqueue(Now);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                BeaconFailures.Enqueue(Now);
                await Task.Delay(100, CancellationToken.None);
            }
        }
    }

    /// <summary>A draft as an editor writes it (Zipf-distributed words over the word list), returning its id.</summary>
    public static async Task<Guid> CreateAsync(HttpClient authoring, ZipfText text)
    {
        using var created = await authoring.PostAsync("/api/authoring/articles", new StringContent(JsonSerializer.Serialize(new
        {
            headline = text.Headline(),
            standfirst = text.Sentence(),
            body = text.Body(paragraphs: 6),
            section = "News",
            authors = new[] { text.Byline() },
            tags = new[] { text.Word() },
        }), Encoding.UTF8, "application/json"));
        if (!created.IsSuccessStatusCode) throw new InvalidOperationException($"create answered {(int)created.StatusCode}");
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetGuid();
    }

    public static HttpClient Client(Uri address, string? token = null)
    {
        // No cookie container: each beacon carries its own reader cookie, not the one Trending set on the last answer.
        var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(15) };
        if (token is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
