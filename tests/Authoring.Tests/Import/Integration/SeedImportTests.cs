using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsPlatform.Authoring.Articles;
using NewsPlatform.Authoring.Import;
using NewsPlatform.Authoring.Import.Seeding;
using NewsPlatform.Contracts.Articles;

namespace NewsPlatform.Authoring.Tests.Import.Integration;

[Collection(ImportCollection.Name)]
public sealed class SeedImportTests(ImportHost host)
{
    [Fact]
    public async Task On_start_every_seed_text_is_published_under_its_original_time_and_a_broken_one_is_reported()
    {
        var report = await host.Factory.SeedReportAsync(files: 3);

        await using var query = host.Store.QuerySession();
        var harbour = await query.LoadAsync<Article>(ImportIds.ArticleId(ImportHost.SeedTexts[0]));
        var storm = await query.LoadAsync<Article>(ImportIds.ArticleId(ImportHost.SeedTexts[1]));
        Assert.NotNull(harbour);
        Assert.NotNull(storm);
        Assert.Equal(ArticleStatus.Published, harbour.Status);
        Assert.Equal(DateTimeOffset.Parse("2025-06-01T07:00:00Z"), harbour.PublishedAt);
        Assert.Equal("Stefan Bruder / Shutterstock.com", harbour.HeroCredit);
        Assert.Equal(["Ida Holm", "Søren Ørsted"], storm.Content.Authors);
        Assert.Null(storm.Content.HeroMediaId);
        Assert.Equal(SeedImport.User, harbour.CreatedBy);
        var broken = Assert.Single(report, l => l.Message.Contains(ImportHost.BrokenSeedFile));
        Assert.Equal(LogLevel.Error, broken.Level);
        Assert.Contains("Line 5: expected the publication time like \"Jan.14 - 2025 1:36 PM CET\"; found \"yesterday\".", broken.Message);
        Assert.DoesNotContain(report, l => l.Message.Contains("notes.md"));

        var published = Assert.Single(await host.Events.WaitForAllAsync<ArticlePublishedV1>(harbour.Id)).Article;
        Assert.Equal("Harbour Bath Opens for the Season", published.Headline);
        Assert.Equal(DateTimeOffset.Parse("2025-06-01T07:00:00Z"), published.PublishedAt);
        Assert.Equal("Stefan Bruder / Shutterstock.com", Assert.Single(await host.Events.WaitForAllAsync<HeroCreditImportedV1>(harbour.Id)).Credit);
    }

    [Fact]
    public async Task A_restarted_or_second_instance_finds_every_seed_already_imported()
    {
        await host.Factory.SeedReportAsync(files: 3);
        var streams = await host.StreamCountAsync();
        var events = await host.EventCountAsync();

        await using var second = new ImportHostFactory(host.Settings());
        _ = second.Server;
        var report = await second.SeedReportAsync(files: 3);

        Assert.Equal(2, report.Count(l => l.Message.Contains("already imported")));
        Assert.Equal(streams, await host.StreamCountAsync());
        Assert.Equal(events, await host.EventCountAsync());
    }

    [Fact]
    public async Task Running_the_seed_import_again_reports_each_file_and_creates_nothing()
    {
        await host.Factory.SeedReportAsync(files: 3);
        var events = await host.EventCountAsync();

        var results = await SeedImport.RunAsync(TextImporter.From(host.Factory.Services), host.SeedsFolder, default);

        Assert.Equal(["001_seed.txt", "002_seed.txt", ImportHost.BrokenSeedFile], results.Select(r => r.File));
        Assert.Equal(
            [TextImportOutcome.AlreadyImported, TextImportOutcome.AlreadyImported, TextImportOutcome.Unreadable],
            results.Select(r => r.Result.Outcome));
        Assert.Equal(events, await host.EventCountAsync());
    }
}
