using Marten;
using Microsoft.Extensions.Logging.Abstractions;
using NewsPlatform.ServiceDefaults.Messaging;
using NewsPlatform.TestKit;

namespace NewsPlatform.Backbone.Tests;

/// <summary>Proof of processing is kept for the retention and no longer.</summary>
public sealed class ProcessedMessagePrunerTests : IAsyncLifetime
{
    TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();
    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Rows_older_than_the_retention_are_deleted_and_newer_ones_kept()
    {
        using var store = DocumentStore.For(o =>
        {
            o.Connection(_database.ConnectionString);
            o.DatabaseSchemaName = "pruning";
            o.Schema.For<ProcessedMessage>();
        });
        var now = DateTimeOffset.UtcNow;
        await using (var session = store.LightweightSession())
        {
            session.Store(new ProcessedMessage("old", now.AddDays(-15)), new ProcessedMessage("recent", now.AddDays(-13)));
            await session.SaveChangesAsync();
        }

        await new ProcessedMessagePruner(store, TimeSpan.FromDays(14), TimeProvider.System, NullLogger<ProcessedMessagePruner>.Instance)
            .PruneAsync(now, CancellationToken.None);

        await using var query = store.QuerySession();
        Assert.Equal(["recent"], (await query.Query<ProcessedMessage>().ToListAsync()).Select(m => m.Id));
    }
}
