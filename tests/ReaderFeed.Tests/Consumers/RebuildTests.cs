using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NewsPlatform.ReaderFeed.Articles;
using NewsPlatform.ReaderFeed.EventLog;
using NewsPlatform.ReaderFeed.Media;
using NewsPlatform.ReaderFeed.Rebuild;
using NewsPlatform.ReaderFeed.Search;
using NewsPlatform.ReaderFeed.Tests.Fixtures;
using NewsPlatform.ReaderFeed.Trending;
using NewsPlatform.ServiceDefaults.Hosting;
using NewsPlatform.TestKit;
using Npgsql;

namespace NewsPlatform.ReaderFeed.Tests.Consumers;

[Collection(ReaderFeedCollection.Name)]
public class RebuildTests(ReaderFeedHost host)
{
    [Fact]
    public async Task A_rebuild_from_the_event_log_gives_exactly_the_live_read_models()
    {
        // Given read models built live from a mix of events, some late, duplicated or retired
        var photo = Seed.Photo();
        var article = Seed.Article(section: "politics", slug: "election-called", heroMediaId: photo.MediaId);
        var other = Seed.Article(section: "politics", slug: "minister-resigns");
        await host.PublishAndWaitAsync(Seed.Published(article));
        await host.PublishAndWaitAsync(Seed.MediaReady(photo));
        await host.PublishAndWaitAsync(Seed.SlugChanged(article, 3, "snap-election-called"));
        await host.PublishAndWaitAsync(Seed.Revised(article with { Headline = "Older headline" }, 2));
        await host.PublishAndWaitAsync(Seed.Published(other));
        await host.PublishAndWaitAsync(Seed.Unpublished(other, 2));
        await host.PublishAndWaitAsync(Seed.MediaUpdated(photo with { Caption = "Parliament at dusk." }, 2));
        await host.PublishAndWaitAsync(Seed.Trending(host.NextTrendingAsOf(), article));
        var live = await SnapshotAsync();

        // And read models that drifted: one deleted, one edited, one that no event ever produced
        await using (var session = host.Store.LightweightSession())
        {
            session.Delete<ArticleView>(article.ArticleId);
            var media = (await session.LoadAsync<MediaView>(photo.MediaId))!;
            session.Store(media with { Asset = media.Asset! with { Credit = "tampered" } });
            session.Store(new ArticleView { Id = Guid.NewGuid(), Path = "/news/never-published", Status = ArticleStatus.Live });
            await session.SaveChangesAsync();
        }
        await using (var connection = new NpgsqlConnection(host.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var wipe = new NpgsqlCommand("delete from readerfeed.article_search", connection);
            await wipe.ExecuteNonQueryAsync();
        }
        Assert.NotEqual(live, await SnapshotAsync());

        // When an admin rebuilds
        var run = await RebuildAsync();

        // Then every read model and the search index are what the live path had built
        Assert.Equal(RunState.Succeeded, run.State);
        Assert.True(run.Events >= 8, $"replayed {run.Events} events");
        Assert.Equal(live, await SnapshotAsync());
        var page = Html.Parse(await host.WaitForPageAsync("/politics/snap-election-called", h => h.Contains("Parliament at dusk."), "the rebuilt page"));
        Assert.Equal("Photo: Stefan Bruder / Shutterstock.com", page.Text("figure .credit"));
        Assert.Equal(HttpStatusCode.MovedPermanently, (await host.Client.GetAsync("/politics/election-called")).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await host.Client.GetAsync("/politics/minister-resigns")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/news/never-published")).StatusCode);
    }

    [Fact]
    public async Task A_cold_rebuild_into_empty_read_models_gives_exactly_the_live_read_models()
    {
        var photo = Seed.Photo();
        var article = Seed.Article(section: "business", slug: "port-expands", heroMediaId: photo.MediaId);
        await host.PublishAndWaitAsync(Seed.MediaReady(photo));
        await host.PublishAndWaitAsync(Seed.Published(article));
        await host.PublishAndWaitAsync(Seed.Revised(article with { Headline = "Port expands to the north" }, 2, significant: true));
        await host.PublishAndWaitAsync(Seed.Trending(host.NextTrendingAsOf(), article));
        var live = await SnapshotAsync();

        // A new deployment restored from the event log alone: every read model table is empty.
        await using (await ReadModelGate.CloseAsync(host.Database.ConnectionString, CancellationToken.None))
            await ExecuteAsync("truncate readerfeed.mt_doc_articleview, readerfeed.mt_doc_mediaview, readerfeed.mt_doc_trendingview, readerfeed.article_search");
        Assert.NotEqual(live, await SnapshotAsync());

        Assert.Equal(RunState.Succeeded, (await RebuildAsync()).State);

        Assert.Equal(live, await SnapshotAsync());
        var results = Html.Parse(await host.WaitForPageAsync("/search?q=port+expands", h => h.Contains("href=\"/business/port-expands\""), "a search hit"));
        Assert.Contains("Port expands to the north", results.Text("main"));
    }

    [Fact]
    public async Task A_rebuild_in_chunks_of_a_few_streams_gives_exactly_the_live_read_models()
    {
        // Given more streams than fit in one chunk, and read models that drifted in several chunks' id ranges
        for (var i = 0; i < 6; i++)
        {
            var photo = Seed.Photo();
            var article = Seed.Article(section: "culture", slug: $"theatre-season-{i}", heroMediaId: photo.MediaId);
            await host.PublishAndWaitAsync(Seed.MediaReady(photo));
            await host.PublishAndWaitAsync(Seed.Published(article));
            await host.PublishAndWaitAsync(Seed.Revised(article with { Headline = $"Theatre season {i} announced" }, 2, significant: i % 2 == 0));
            if (i % 3 == 0) await host.PublishAndWaitAsync(Seed.Unpublished(article, 3));
        }
        await host.PublishAndWaitAsync(Seed.Trending(host.NextTrendingAsOf(), Seed.Article(section: "culture", slug: "theatre-season-1")));
        var live = await SnapshotAsync();
        var strays = Enumerable.Range(0, 8).Select(_ => Guid.NewGuid()).ToList();
        await using (var session = host.Store.LightweightSession())
        {
            foreach (var id in strays) session.Store(new ArticleView { Id = id, Path = $"/culture/stray-{id:N}", Status = ArticleStatus.Live });
            foreach (var id in strays) session.Store(new MediaView { Id = id });
            await session.SaveChangesAsync();
        }
        await ExecuteAsync("delete from readerfeed.article_search where section = 'culture'");
        Assert.NotEqual(live, await SnapshotAsync());

        // When the log is replayed three streams at a time
        var rebuilder = new ReadModelRebuilder(host.Store, host.Services.GetRequiredService<SearchIndex>(),
            host.Services.GetRequiredService<NpgsqlDataSource>(), host.Database.ConnectionString)
        { StreamsPerChunk = 3 };
        var result = await rebuilder.RebuildAsync(CancellationToken.None);

        // Then every read model and search row is what the live path built, and no stray is left
        Assert.Equal(live, await SnapshotAsync());
        Assert.True(result.Articles >= 6 && result.Media >= 6, $"rebuilt {result.Articles} articles and {result.Media} photos");
        Assert.Equal(result.Events, await host.Database.CountAsync("select count(*) from readerfeed.mt_events"));
    }

    [Fact]
    public async Task Reindexing_most_articles_builds_the_search_index_once_at_the_end_with_the_live_rows()
    {
        await host.PublishAndWaitAsync(Seed.Published(Seed.Article(section: "world", slug: "harbour-regatta", headline: "Harbour regatta returns")));
        var live = await SnapshotAsync();
        var indexBefore = await IndexOidAsync();
        var configured = host.Services.GetRequiredService<SearchIndex>();

        int indexed;
        await using (await ReadModelGate.CloseAsync(host.Database.ConnectionString, CancellationToken.None))
        {
            await ExecuteAsync("delete from readerfeed.article_search");
            await using var session = host.Store.QuerySession();
            var articles = await session.Query<ArticleView>().ToListAsync();
            // The threshold lowered to this collection's few articles; a deployment needs a thousand rows to take this path.
            var index = new SearchIndex("readerfeed", configured.Configuration) { BulkRows = 1 };
            indexed = await index.RebuildAsync(host.Services.GetRequiredService<NpgsqlDataSource>(), articles, CancellationToken.None);
        }

        Assert.Equal(live, await SnapshotAsync());
        Assert.True(indexed > 0);
        var indexAfter = await IndexOidAsync();
        Assert.NotNull(indexAfter);
        Assert.NotEqual(indexBefore, indexAfter);
        var results = Html.Parse(await host.GetStringAsync("/search?q=regatta"));
        Assert.Contains("Harbour regatta returns", results.Text("main"));
    }

    /// <summary>The search table's GIN index, by identity: a rebuilt index is a new relation.</summary>
    async Task<long?> IndexOidAsync()
    {
        await using var connection = new NpgsqlConnection(host.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select oid::bigint from pg_class where relname = 'ix_article_search_document'", connection);
        return await command.ExecuteScalarAsync() as long?;
    }

    async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(host.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Events_arriving_during_a_rebuild_are_neither_lost_nor_overwritten()
    {
        // Given a rebuild and a burst of events racing each other
        var articles = Enumerable.Range(0, 15).Select(i => Seed.Article(section: "world", headline: $"Race {i}")).ToList();
        var events = articles.SelectMany(a => new Contracts.IIntegrationEvent[]
            { Seed.Published(a), Seed.Revised(a with { Headline = a.Headline + " revised" }, 2) }).ToList();
        var publishing = Task.Run(async () => { foreach (var e in events) await host.PublishAsync(e); });
        var rebuild = RebuildAsync();
        await publishing;
        foreach (var e in events) await host.WaitUntilAppliedAsync(e, e.EventId);
        Assert.Equal(RunState.Succeeded, (await rebuild).State);

        // Then every event is in the read models, and a fresh rebuild from the log changes nothing
        await using (var session = host.Store.QuerySession())
            foreach (var a in articles)
                Assert.Equal(a.Headline + " revised", (await session.LoadAsync<ArticleView>(a.ArticleId))!.Article!.Headline);
        var live = await SnapshotAsync();
        Assert.Equal(RunState.Succeeded, (await RebuildAsync()).State);
        Assert.Equal(live, await SnapshotAsync());
    }

    [Fact]
    public async Task A_consumer_waits_at_the_gate_while_a_rebuild_holds_it()
    {
        var published = Seed.Published(Seed.Article());
        await using (await NewsPlatform.ReaderFeed.EventLog.ReadModelGate.CloseAsync(host.Database.ConnectionString, CancellationToken.None))
        {
            await host.PublishAsync(published);
            await Eventually.MatchAsync(() => host.Database.CountAsync(
                    "select count(*) from pg_locks l join pg_database d on d.oid = l.database " +
                    "where d.datname = current_database() and l.locktype = 'advisory' and not l.granted"),
                waiting => waiting > 0, TimeSpan.FromSeconds(30), "the consumer to wait at the gate");
            Assert.Equal(0, await host.Database.CountAsync(
                $"select count(*) from readerfeed.mt_events where stream_id = '{published.Article.ArticleId}'"));
        }
        await host.WaitUntilAppliedAsync(published, published.EventId);
    }

    [Fact]
    public async Task Rebuilding_is_for_admins_only()
    {
        var anonymous = await host.Client.PostAsync("/api/feed/rebuild", null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType!.MediaType);

        foreach (var token in new[] { TestTokens.For("editor"), TestTokens.Expired("admin"), TestTokens.WrongKey("admin"), TestTokens.Unsigned("admin") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/feed/rebuild");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var response = await host.Client.SendAsync(request);
            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
        }
        using var editor = new HttpRequestMessage(HttpMethod.Post, "/api/feed/rebuild");
        editor.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("editor"));
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client.SendAsync(editor)).StatusCode);
    }

    async Task<RebuildRun> RebuildAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/feed/rebuild");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("admin"));
        var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var status = response.Headers.Location!.OriginalString;
        return await Eventually.MatchAsync(async () =>
        {
            using var poll = new HttpRequestMessage(HttpMethod.Get, status);
            poll.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("admin"));
            return (await (await host.Client.SendAsync(poll)).Content.ReadFromJsonAsync<RebuildRun>(JsonSerializerOptions.Web))!;
        }, r => r.State is RunState.Succeeded or RunState.Failed, TimeSpan.FromSeconds(60), "the rebuild to finish");
    }

    /// <summary>Every read model document and search row, in a stable order.</summary>
    async Task<string> SnapshotAsync()
    {
        await using var session = host.Store.QuerySession();
        var text = new StringBuilder();
        foreach (var a in (await session.Query<ArticleView>().ToListAsync()).OrderBy(a => a.Id)) text.AppendLine(JsonSerializer.Serialize(a));
        foreach (var m in (await session.Query<MediaView>().ToListAsync()).OrderBy(m => m.Id)) text.AppendLine(JsonSerializer.Serialize(m));
        foreach (var t in (await session.Query<TrendingView>().ToListAsync()).OrderBy(t => t.Id)) text.AppendLine(JsonSerializer.Serialize(t));
        await using var connection = new NpgsqlConnection(host.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select id, path, section, published_at, headline, standfirst, body_text, source_hash, document::text from readerfeed.article_search order by id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            text.AppendLine(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return text.ToString();
    }
}
