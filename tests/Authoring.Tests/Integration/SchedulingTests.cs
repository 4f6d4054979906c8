using System.Net.Http.Json;
using Marten;
using NewsPlatform.Authoring.Articles;
using NewsPlatform.TestKit;

namespace NewsPlatform.Authoring.Tests.Integration;

[Collection(AuthoringCollection.Name)]
public sealed class SchedulingTests(AuthoringHost host)
{
    [Fact]
    public async Task A_scheduled_article_publishes_itself_and_records_planned_and_actual_time()
    {
        var editor = host.Editor();
        var id = Api.Id(await Api.CreateAsync(editor));
        var planned = DateTimeOffset.UtcNow.AddSeconds(2);
        await Api.StepAsync(editor, id, "schedule", new { publishAt = planned });

        var published = await Eventually.MatchAsync(() => Api.GetAsync(editor, id), a => (string?)a["status"] == "published",
            TimeSpan.FromSeconds(30), "the scheduled article to be published");

        await using var session = host.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(id);
        var publication = Assert.IsType<ArticlePublished>(events[^1].Data);
        Assert.Equal(planned.ToUnixTimeMilliseconds(), publication.ScheduledFor!.Value.ToUnixTimeMilliseconds());
        Assert.True(publication.At >= publication.ScheduledFor);
        Assert.Equal("scheduler", events[^1].UserName);
        Assert.Equal(publication.At, (DateTimeOffset)published["publishedAt"]!);
        Assert.Single(events, e => e.Data is ArticlePublished);
    }
}

/// <summary>Scheduling across downtime: the service is killed before the due time and started after it.</summary>
public sealed class SchedulingAfterRestartTests
{
    [Fact]
    public async Task An_article_due_while_the_service_was_down_is_published_late_on_start()
    {
        await using var infrastructure = await TestInfrastructure.CreateAsync();
        var settings = infrastructure.Settings();
        DateTimeOffset planned;
        Guid id;
        await using (var first = await ServiceProcess.StartAsync("services/Authoring", "NewsPlatform.Authoring", settings))
        {
            var editor = Authorized(first.Client, "editor");
            id = Api.Id(await Api.CreateAsync(editor));
            planned = DateTimeOffset.UtcNow.AddSeconds(3);
            await Api.StepAsync(editor, id, "schedule", new { publishAt = planned });
            await first.KillAsync();
        }

        // The due time passes while no instance runs, by more than the 5 s the audit calls "as planned".
        var downtime = planned + TimeSpan.FromSeconds(7) - DateTimeOffset.UtcNow;
        if (downtime > TimeSpan.Zero) await Task.Delay(downtime);
        Assert.Equal(0, await infrastructure.Database.CountAsync(
            $"select count(*) from authoring.mt_events where stream_id = '{id}' and type = 'article_published'"));

        await using var second = await ServiceProcess.StartAsync("services/Authoring", "NewsPlatform.Authoring", settings);
        var client = Authorized(second.Client, "editor");
        var article = await Eventually.MatchAsync(() => Api.GetAsync(client, id), a => (string?)a["status"] == "published",
            TimeSpan.FromSeconds(30), "the overdue article to be published after the restart");

        Assert.True((DateTimeOffset)article["publishedAt"]! > planned + TimeSpan.FromSeconds(7));
        var audit = await Api.ArrayAsync(await client.GetAsync($"{Api.Articles}/{id}/audit"));
        var publication = audit[^1]!;
        Assert.Equal("published", (string?)publication["action"]);
        Assert.Equal("scheduler", (string?)publication["by"]);
        Assert.Contains($"after the planned {planned.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z", (string?)publication["detail"]);
    }

    static HttpClient Authorized(HttpClient client, string role)
    {
        var authorized = new HttpClient { BaseAddress = client.BaseAddress };
        authorized.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.For(role, $"{role}@newsplatform.test"));
        return authorized;
    }
}
