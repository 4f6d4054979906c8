using System.Runtime.CompilerServices;
using System.Text.Json;
using JasperFx.Events;
using NewsPlatform.ReaderFeed.Trending;
using Npgsql;

namespace NewsPlatform.ReaderFeed.EventLog;

/// <summary>
/// Reads the event log for a rebuild in chunks of whole streams, in stream-id order, so memory holds one
/// chunk at a time however long the log is. Every event of a stream is in the same chunk, so each chunk's
/// articles and photos fold completely on their own; Trending Now lists are few and fold across chunks into
/// one dictionary the caller keeps.
/// </summary>
public static class EventLogReader
{
    static readonly Dictionary<string, Type> TypesByName = EventLogStreams.EventTypes.ToDictionary(t => t.GetEventTypeName());

    // Marten stores events with System.Text.Json and the member names as declared, which the defaults read back.
    static readonly JsonSerializerOptions Json = new();

    /// <summary>
    /// The folded streams whose ids are in (<paramref name="After"/>, <paramref name="Last"/>] in PostgreSQL's uuid
    /// order (<paramref name="After"/> null: from the first). Read models in that range that no stream produced are stale.
    /// </summary>
    public sealed record Chunk(Guid? After, Guid Last, ReadModelSet Set);

    public static async IAsyncEnumerable<Chunk> ChunksAsync(NpgsqlDataSource dataSource, string schema, int streamsPerChunk,
        Dictionary<string, TrendingView> trending, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Guid? after = null;
        while (true)
        {
            var streams = await StreamIdsAsync(dataSource, schema, after, streamsPerChunk, cancellationToken);
            if (streams.Length == 0) yield break;

            var set = new ReadModelSet(trending);
            await using (var command = dataSource.CreateCommand(
                             $"select type, convert_to(data::text, 'UTF8') from {schema}.mt_events where stream_id = any(@streams)"))
            {
                command.Parameters.AddWithValue("streams", streams);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                    set.Apply(Deserialize(reader.GetString(0), reader.GetFieldValue<byte[]>(1)));
            }
            yield return new Chunk(after, streams[^1], set.Complete());
            after = streams[^1];
        }
    }

    /// <summary>The next stream ids after <paramref name="after"/>, in the database's order (which is not <see cref="Guid.CompareTo(Guid)"/>'s).</summary>
    static async Task<Guid[]> StreamIdsAsync(NpgsqlDataSource dataSource, string schema, Guid? after, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(after is null
            ? $"select id from {schema}.mt_streams order by id limit @limit"
            : $"select id from {schema}.mt_streams where id > @after order by id limit @limit");
        if (after is { } id) command.Parameters.AddWithValue("after", id);
        command.Parameters.AddWithValue("limit", limit);
        var ids = new List<Guid>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetGuid(0));
        return ids.ToArray();
    }

    static object Deserialize(string type, byte[] data) =>
        TypesByName.TryGetValue(type, out var clrType)
            ? JsonSerializer.Deserialize(data, clrType, Json) ?? throw new InvalidDataException($"A logged {type} is empty.")
            : throw new InvalidDataException($"The event log holds '{type}', which ReaderFeed does not know.");
}
