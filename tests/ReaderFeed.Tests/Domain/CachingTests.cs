using System.Text;
using NewsPlatform.ReaderFeed.Articles;
using NewsPlatform.ReaderFeed.Caching;

namespace NewsPlatform.ReaderFeed.Tests.Domain;

public class CachingTests
{
    static CachedResponse Page(string text) => new(200, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(text), DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_cached_page_is_served_until_the_read_models_change()
    {
        var changes = new ReadModelChanges();
        changes.Listening();
        var cache = new PageCache(changes, TimeProvider.System, 1 << 20);
        var renders = 0;
        Task<CachedResponse> Render() => Task.FromResult(Page($"render {++renders}"));

        var first = await cache.GetOrRenderAsync("home", Render);
        var second = await cache.GetOrRenderAsync("home", Render);
        Assert.Same(first, second);

        changes.Changed();
        var third = await cache.GetOrRenderAsync("home", Render);
        Assert.Equal("render 2", Encoding.UTF8.GetString(third.Body));
    }

    [Fact]
    public async Task Nothing_is_served_from_memory_while_changes_cannot_be_heard()
    {
        var changes = new ReadModelChanges();
        var cache = new PageCache(changes, TimeProvider.System, 1 << 20);
        var renders = 0;
        Task<CachedResponse> Render() => Task.FromResult(Page($"render {++renders}"));

        await cache.GetOrRenderAsync("home", Render);
        await cache.GetOrRenderAsync("home", Render);
        Assert.Equal(2, renders);
    }

    [Fact]
    public async Task Concurrent_misses_share_one_render()
    {
        var changes = new ReadModelChanges();
        changes.Listening();
        var cache = new PageCache(changes, TimeProvider.System, 1 << 20);
        var renders = 0;
        var gate = new TaskCompletionSource();
        async Task<CachedResponse> Render()
        {
            Interlocked.Increment(ref renders);
            await gate.Task;
            return Page("once");
        }

        var requests = Enumerable.Range(0, 20).Select(_ => cache.GetOrRenderAsync("article:/news/x", Render)).ToList();
        gate.SetResult();
        await Task.WhenAll(requests);
        Assert.Equal(1, renders);
    }

    [Fact]
    public async Task Not_found_responses_are_not_kept()
    {
        var changes = new ReadModelChanges();
        changes.Listening();
        var cache = new PageCache(changes, TimeProvider.System, 1 << 20);
        var renders = 0;
        Task<CachedResponse> Render() { renders++; return Task.FromResult(new CachedResponse(404, "text/html", [], null)); }

        await cache.GetOrRenderAsync("article:/news/nope", Render);
        await cache.GetOrRenderAsync("article:/news/nope", Render);
        Assert.Equal(2, renders);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task A_full_cache_evicts_the_least_recently_used_pages_and_keeps_within_its_size()
    {
        var changes = new ReadModelChanges();
        changes.Listening();
        var pageBytes = 10_000;
        var cache = new PageCache(changes, TimeProvider.System, 5 * (pageBytes + 600));
        var renders = new Dictionary<string, int>();
        Task<CachedResponse> Render(string key)
        {
            renders[key] = renders.GetValueOrDefault(key) + 1;
            return Task.FromResult(Page(key.PadRight(pageBytes)));
        }

        for (var i = 0; i < 5; i++) await cache.GetOrRenderAsync($"article:/news/{i}", () => Render($"article:/news/{i}"));
        await cache.GetOrRenderAsync("article:/news/0", () => Render("article:/news/0")); // 0 is now the most recent
        await cache.GetOrRenderAsync("article:/news/5", () => Render("article:/news/5")); // evicts 1, the least recent

        Assert.True(cache.Bytes <= cache.MaxBytes, $"{cache.Bytes} bytes held, limit {cache.MaxBytes}");
        Assert.Equal(5, cache.Count);
        await cache.GetOrRenderAsync("article:/news/0", () => Render("article:/news/0"));
        await cache.GetOrRenderAsync("article:/news/1", () => Render("article:/news/1"));
        Assert.Equal(1, renders["article:/news/0"]);
        Assert.Equal(2, renders["article:/news/1"]);
        Assert.Equal(2.0 / 9, cache.HitRatio, 3);
    }

    [Fact]
    public async Task Eviction_and_changes_never_serve_a_page_older_than_the_read_models()
    {
        // The "read models": a version per page that a change bumps, as a commit and its NOTIFY would.
        var changes = new ReadModelChanges();
        changes.Listening();
        var cache = new PageCache(changes, TimeProvider.System, 8 * (2_000 + 600));
        var versions = new int[12];
        var random = new Random(14);
        for (var step = 0; step < 5_000; step++)
        {
            var page = random.Next(versions.Length);
            if (random.Next(25) == 0)
            {
                versions[page]++;
                changes.Changed();
                continue;
            }
            var current = versions[page];
            var response = await cache.GetOrRenderAsync($"article:/news/{page}",
                () => Task.FromResult(Page($"{page}@{versions[page]}".PadRight(2_000))));
            Assert.Equal($"{page}@{current}", Encoding.UTF8.GetString(response.Body).TrimEnd());
            Assert.True(cache.Bytes <= cache.MaxBytes);
        }
        // Both paths were taken many times: pages served from memory, and pages evicted or outdated and rendered again.
        Assert.InRange(cache.HitRatio, 0.2, 0.9);
    }

    [Fact]
    public void Etags_depend_only_on_the_bytes()
    {
        Assert.Equal(Page("same").ETag, Page("same").ETag);
        Assert.NotEqual(Page("same").ETag, Page("other").ETag);
    }

    [Fact]
    public void Cursors_round_trip_and_reject_tampering()
    {
        var cursor = new FeedCursor(DateTimeOffset.Parse("2025-01-14T12:36:00Z"), Guid.NewGuid());
        Assert.True(FeedCursor.TryParse(cursor.ToString(), out var parsed));
        Assert.Equal(cursor, parsed);
        Assert.False(FeedCursor.TryParse("not-a-cursor", out _));
        Assert.False(FeedCursor.TryParse(Convert.ToBase64String(Encoding.UTF8.GetBytes("1:2")), out _));
    }
}
