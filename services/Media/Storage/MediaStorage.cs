using Marten;
using NewsPlatform.Media.Renditions;
using Npgsql;

namespace NewsPlatform.Media.Storage;

/// <summary>A rendition as served: its bytes and the validators for caching.</summary>
public sealed record ServedRendition(string ContentType, string ETag, DateTimeOffset CreatedAt, byte[] Bytes);

/// <summary>
/// Reads and stages writes of the byte tables. Writes are staged on a Marten session so they commit
/// in the same transaction as the events that refer to them: an upload either stores blob and
/// stream together or neither.
/// </summary>
public sealed class MediaStorage(NpgsqlDataSource dataSource, IDocumentStore store)
{
    string Table(string name) => $"{store.Options.DatabaseSchemaName}.{name}";

    public static void StageBlob(IDocumentSession session, string sha256, string contentType, byte[] bytes) =>
        session.QueueSqlCommand(
            $"insert into {MediaTables.Qualified(session, MediaTables.Blobs)} (sha256, content_type, length, bytes) " +
            "values (?, ?, ?, ?) on conflict (sha256) do nothing",
            sha256, contentType, (long)bytes.Length, bytes);

    public static void StageRendition(IDocumentSession session, Guid assetId, RenderedRendition rendition) =>
        session.QueueSqlCommand(
            $"insert into {MediaTables.Qualified(session, MediaTables.Renditions)} (asset_id, width, format, height, content_type, etag, bytes) " +
            "values (?, ?, ?, ?, ?, ?, ?) on conflict (asset_id, width, format) do update " +
            "set height = excluded.height, content_type = excluded.content_type, etag = excluded.etag, bytes = excluded.bytes",
            assetId, rendition.Width, rendition.Format, rendition.Height, RenditionPlan.ContentType(rendition.Format), rendition.ETag, rendition.Bytes);

    /// <summary>A retired asset's renditions are derived data: they go with it.</summary>
    public static void StageRenditionRemoval(IDocumentSession session, Guid assetId) =>
        session.QueueSqlCommand($"delete from {MediaTables.Qualified(session, MediaTables.Renditions)} where asset_id = ?", assetId);

    public async Task<byte[]?> LoadBlobAsync(string sha256, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select bytes from {Table(MediaTables.Blobs)} where sha256 = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = sha256 });
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    public async Task<ServedRendition?> LoadRenditionAsync(Guid assetId, int width, string format, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"select content_type, etag, created_at, bytes from {Table(MediaTables.Renditions)} where asset_id = $1 and width = $2 and format = $3");
        command.Parameters.Add(new NpgsqlParameter { Value = assetId });
        command.Parameters.Add(new NpgsqlParameter { Value = width });
        command.Parameters.Add(new NpgsqlParameter { Value = format });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new ServedRendition(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<byte[]>(3));
    }
}
