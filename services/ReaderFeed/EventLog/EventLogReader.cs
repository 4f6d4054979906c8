using System.Text.Json;
using System.Threading.Channels;
using JasperFx.Events;
using Npgsql;

namespace NewsPlatform.ReaderFeed.EventLog;

/// <summary>
/// Reads the whole event log for a rebuild: one connection streams rows while every core deserialises
/// them, and the folds consume events as they come. Arrival order does not matter to the folds, so no
/// reordering is needed.
/// </summary>
public static class EventLogReader
{
    const int BatchSize = 256;

    static readonly Dictionary<string, Type> TypesByName = EventLogStreams.EventTypes.ToDictionary(t => t.GetEventTypeName());

    // Marten stores events with System.Text.Json and the member names as declared, which the defaults read back.
    static readonly JsonSerializerOptions Json = new();

    public static async Task<ReadModelSet> FoldAsync(NpgsqlDataSource dataSource, string schema, CancellationToken cancellationToken)
    {
        var rows = Channel.CreateBounded<(string Type, string Data)[]>(new BoundedChannelOptions(16) { SingleWriter = true });
        var events = Channel.CreateBounded<object[]>(new BoundedChannelOptions(16) { SingleReader = true });

        var producer = Task.Run(async () =>
        {
            try
            {
                await using var command = dataSource.CreateCommand($"select type, data from {schema}.mt_events order by seq_id");
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var batch = new List<(string, string)>(BatchSize);
                while (await reader.ReadAsync(cancellationToken))
                {
                    batch.Add((reader.GetString(0), reader.GetString(1)));
                    if (batch.Count == BatchSize)
                    {
                        await rows.Writer.WriteAsync(batch.ToArray(), cancellationToken);
                        batch.Clear();
                    }
                }
                if (batch.Count > 0) await rows.Writer.WriteAsync(batch.ToArray(), cancellationToken);
                rows.Writer.Complete();
            }
            catch (Exception ex)
            {
                rows.Writer.Complete(ex);
            }
        }, cancellationToken);

        var workers = Enumerable.Range(0, Math.Max(1, Environment.ProcessorCount)).Select(_ => Task.Run(async () =>
        {
            await foreach (var batch in rows.Reader.ReadAllAsync(cancellationToken))
                await events.Writer.WriteAsync(batch.Select(Deserialize).ToArray(), cancellationToken);
        }, cancellationToken)).ToArray();
        _ = Task.WhenAll(workers).ContinueWith(t => events.Writer.Complete(t.Exception?.GetBaseException()), TaskScheduler.Default);

        var set = new ReadModelSet();
        await foreach (var batch in events.Reader.ReadAllAsync(cancellationToken))
            foreach (var e in batch) set.Apply(e);
        await producer;
        return set;
    }

    static object Deserialize((string Type, string Data) row) =>
        TypesByName.TryGetValue(row.Type, out var type)
            ? JsonSerializer.Deserialize(row.Data, type, Json) ?? throw new InvalidDataException($"A logged {row.Type} is empty.")
            : throw new InvalidDataException($"The event log holds '{row.Type}', which ReaderFeed does not know.");
}
