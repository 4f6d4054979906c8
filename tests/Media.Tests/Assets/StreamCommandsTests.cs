using JasperFx.Events.Projections;
using Marten;
using NewsPlatform.Media.Assets;
using NewsPlatform.ServiceDefaults.Domain;
using NewsPlatform.ServiceDefaults.Security;
using NewsPlatform.TestKit;

namespace NewsPlatform.Media.Tests.Assets;

/// <summary>
/// The shared command runner (ServiceDefaults/Domain), on real MediaAsset streams in PostgreSQL with the
/// inline projection: what it appends, and what it answers when it must not append.
/// </summary>
public sealed class StreamCommandsTests : IAsyncLifetime
{
    static readonly MediaMetadata Original = new("Photo: Stefan Bruder / Shutterstock.com", "Soldiers in Kursk", "Soldiers on a road", null);
    static readonly MediaMetadata Changed = Original with { Credit = "Photo: Reuters" };

    TestDatabase _database = null!;
    DocumentStore _store = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _store = DocumentStore.For(o =>
        {
            o.Connection(_database.ConnectionString);
            o.DatabaseSchemaName = "runner";
            o.Projections.Add(new MediaAssetProjection(), ProjectionLifecycle.Inline);
        });
    }

    public async Task DisposeAsync()
    {
        _store.Dispose();
        await _database.DisposeAsync();
    }

    async Task<Guid> UploadedAsync(params IMediaAssetEvent[] more)
    {
        var id = Guid.CreateVersion7();
        await using var session = _store.LightweightSession();
        session.Events.StartStream<MediaAsset>(id, [
            new MediaUploaded(id, "ab12", "image/jpeg", 12345, 1800, 1200, Original.Credit, Original.Caption, Original.Alt, "writer@x"),
            .. more]);
        await session.SaveChangesAsync();
        return id;
    }

    async Task<long> EventCountAsync(Guid id)
    {
        await using var query = _store.QuerySession();
        return (await query.Events.FetchStreamAsync(id)).Count;
    }

    async Task<CommandResult<MediaAsset>> EditAsync(Guid id, long? expectedVersion, MediaMetadata metadata)
    {
        await using var session = _store.LightweightSession();
        return await session.RunAsync<MediaAsset, IMediaAssetEvent>(
            id, expectedVersion, asset => MediaAssetDecisions.Edit(asset, metadata, Actor.Editor("editor@x"), onLiveArticle: false), CancellationToken.None);
    }

    [Fact]
    public async Task An_accepted_command_appends_its_events_once_and_answers_the_new_state()
    {
        var id = await UploadedAsync();

        var result = await EditAsync(id, expectedVersion: 1, Changed);

        var asset = Assert.IsType<CommandResult<MediaAsset>.Done>(result).State;
        Assert.Equal((2L, "Photo: Reuters"), (asset.Version, asset.Credit));
        Assert.Equal(2, await EventCountAsync(id));

        // The same edit again is already satisfied: nothing more is appended.
        Assert.Equal(2L, Assert.IsType<CommandResult<MediaAsset>.Done>(await EditAsync(id, null, Changed)).State.Version);
        Assert.Equal(2, await EventCountAsync(id));
    }

    [Fact]
    public async Task A_refused_command_appends_nothing_and_answers_the_reason()
    {
        var id = await UploadedAsync(new MediaRetired("rights expired", "editor@x"));

        var result = await EditAsync(id, expectedVersion: null, Changed);

        var refusal = Assert.IsType<CommandResult<MediaAsset>.Refused>(result).Refusal;
        Assert.Equal(RefusalKind.NotAllowed, refusal.Kind);
        Assert.Contains("rights expired", refusal.Reason);
        Assert.Equal(2, await EventCountAsync(id));
    }

    [Fact]
    public async Task A_stale_expected_version_appends_nothing_and_says_which_version_is_current()
    {
        var id = await UploadedAsync(new MediaMetadataEdited("Photo: AP", "", "", null, "editor@x"));

        var result = await EditAsync(id, expectedVersion: 1, Changed);

        Assert.Equal(new CommandResult<MediaAsset>.Stale(id, 1, 2), result);
        Assert.Equal(2, await EventCountAsync(id));
        var problem = MediaProblems.Problem(result);
        Assert.Equal((412, "The media changed meanwhile"), (problem.StatusCode, problem.ProblemDetails.Title));
        Assert.Contains("no longer at version 1", problem.ProblemDetails.Detail);
    }

    [Fact]
    public async Task A_change_committed_while_deciding_makes_the_command_lose_the_race_without_appending()
    {
        var id = await UploadedAsync();

        await using var session = _store.LightweightSession();
        var result = await session.RunAsync<MediaAsset, IMediaAssetEvent>(id, expectedVersion: null, async asset =>
        {
            // Someone else saves between our read and our commit.
            await using var other = _store.LightweightSession();
            other.Events.Append(id, new MediaMetadataEdited("Photo: AP", "", "", null, "other@x"));
            await other.SaveChangesAsync();
            return MediaAssetDecisions.Edit(asset, Changed, Actor.Editor("editor@x"), onLiveArticle: false);
        }, CancellationToken.None);

        Assert.Equal(new CommandResult<MediaAsset>.Concurrent(id), result);
        await using var query = _store.QuerySession();
        Assert.Equal(("Photo: AP", 2L), ((await query.LoadAsync<MediaAsset>(id))!.Credit, await EventCountAsync(id)));
    }

    [Fact]
    public async Task A_clash_while_staging_side_writes_appends_nothing_and_answers_a_conflict()
    {
        var id = await UploadedAsync();

        await using var session = _store.LightweightSession();
        var result = await session.RunAsync<MediaAsset, IMediaAssetEvent>(id, expectedVersion: null,
            asset => MediaAssetDecisions.Edit(asset, Changed, Actor.Editor("editor@x"), onLiveArticle: false), CancellationToken.None,
            stage: (_, _, _) => throw new CommandConflictException("That name is taken."));

        Assert.Equal(new CommandResult<MediaAsset>.Conflict("That name is taken."), result);
        Assert.Equal(1, await EventCountAsync(id));
    }

    [Fact]
    public async Task A_stream_that_does_not_exist_is_not_found_with_or_without_an_expected_version()
    {
        var id = Guid.CreateVersion7();

        Assert.Equal(new CommandResult<MediaAsset>.NotFound(id), await EditAsync(id, null, Changed));
        Assert.Equal(new CommandResult<MediaAsset>.NotFound(id), await EditAsync(id, 3, Changed));
    }
}
