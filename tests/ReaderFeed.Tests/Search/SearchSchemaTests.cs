using Marten;
using NewsPlatform.ReaderFeed.Tests.Fixtures;

namespace NewsPlatform.ReaderFeed.Tests.Search;

/// <summary>
/// The search index at a million articles takes minutes to build: a start must find it in place and leave it be,
/// not drop and rebuild it because the schema check misreads the RUM index.
/// </summary>
[Collection(ReaderFeedCollection.Name)]
public sealed class SearchSchemaTests(ReaderFeedHost host)
{
    [Fact]
    public async Task The_rum_index_exists_and_a_later_start_finds_nothing_to_change()
    {
        var indexes = await host.Database.CountAsync(
            "select count(*) from pg_indexes where schemaname = 'readerfeed' and indexname = 'ix_article_search_document' and indexdef like '%USING rum%'");
        Assert.Equal(1, indexes);

        // What the next start's ApplyAllDatabaseChangesOnStartup compares: nothing differs, so nothing is rebuilt.
        await host.Store.Storage.Database.AssertDatabaseMatchesConfigurationAsync();
    }
}
