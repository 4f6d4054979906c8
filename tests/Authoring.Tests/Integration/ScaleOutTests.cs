using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsPlatform.Authoring.Articles;
using NewsPlatform.Authoring.Articles.Schedule;
using NewsPlatform.TestKit;

namespace NewsPlatform.Authoring.Tests.Integration;

/// <summary>Two Authoring instances on one database: every due article is published exactly once.</summary>
public sealed class ScaleOutTests
{
    [Fact]
    public async Task Two_instances_racing_to_publish_the_same_due_articles_publish_each_exactly_once()
    {
        await using var infrastructure = await TestInfrastructure.CreateAsync();
        var settings = infrastructure.Settings();
        // The background loops look once at start and then rarely, so the race below is the test's own.
        settings["Authoring:Scheduling:PollInterval"] = "01:00:00";
        await using var a = new ServiceFactory<AuthoringEntryPoint>(settings);
        await using var b = new ServiceFactory<AuthoringEntryPoint>(settings);
        _ = (a.Server, b.Server); // both running (and past their first look for due articles) before anything is scheduled
        var editor = a.CreateClient();
        editor.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.For("editor", "editor@newsplatform.test"));

        var ids = new List<Guid>();
        for (var i = 0; i < 20; i++) ids.Add(Api.Id(await Api.CreateAsync(editor, Api.Draft($"Scheduled story {i}"))));
        var planned = DateTimeOffset.UtcNow.AddSeconds(5);
        foreach (var id in ids) await Api.StepAsync(editor, id, "schedule", new { publishAt = planned });
        var wait = planned - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero) await Task.Delay(wait);

        var publishers = new[] { Publisher(a), Publisher(b) };
        var rounds = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => publishers[i % 2].PublishDueAsync(default)));

        // The rounds overlap, so articles one round saw due were published by another: together, each exactly once.
        Assert.Equal(20, rounds.Sum(r => r.Published));
        await using var session = a.Services.GetRequiredService<IDocumentStore>().QuerySession();
        foreach (var id in ids)
        {
            var events = await session.Events.FetchStreamAsync(id);
            Assert.Single(events, e => e.Data is ArticlePublished);
            Assert.Equal(Enumerable.Range(1, events.Count).Select(v => (long)v), events.Select(e => e.Version));
            Assert.Equal(ArticleStatus.Published, (await session.LoadAsync<Article>(id))!.Status);
        }
    }

    static ScheduledPublisher Publisher(ServiceFactory<AuthoringEntryPoint> host) =>
        host.Services.GetServices<IHostedService>().OfType<ScheduledPublisher>().Single();
}
