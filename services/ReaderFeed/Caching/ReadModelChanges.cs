using Marten;

namespace NewsPlatform.ReaderFeed.Caching;

/// <summary>
/// The version of the read models as this process knows it. Every committed change sends a PostgreSQL
/// NOTIFY (delivered only on commit, to every instance); the listener bumps <see cref="Generation"/>, and
/// rendered pages from an older generation are no longer served. While the listener is not connected
/// nothing is served from memory, because a change could go unnoticed.
/// </summary>
public sealed class ReadModelChanges
{
    public const string Channel = "readerfeed_changes";

    long _generation;
    volatile bool _listening;

    public long Generation => Interlocked.Read(ref _generation);
    public bool IsListening => _listening;

    /// <summary>Stages the notification in the session's transaction.</summary>
    public static void Stage(IDocumentOperations session) => session.QueueSqlCommand($"notify {Channel}");

    public void Changed() => Interlocked.Increment(ref _generation);

    public void Listening()
    {
        Changed(); // whatever happened while not listening is unknown
        _listening = true;
    }

    public void NotListening()
    {
        _listening = false;
        Changed();
    }
}
