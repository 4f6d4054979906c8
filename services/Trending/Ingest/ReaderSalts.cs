namespace NewsPlatform.Trending.Ingest;

/// <summary>
/// The salts for hashing reader addresses, one per UTC day, shared by every node through the database
/// (so a reader hashes the same on each node) and rotated by <see cref="ReaderSaltRotation"/>.
/// </summary>
public sealed class ReaderSalts
{
    volatile IReadOnlyDictionary<DateOnly, byte[]> _salts = new Dictionary<DateOnly, byte[]>();

    public void Replace(IReadOnlyDictionary<DateOnly, byte[]> salts) => _salts = salts;

    /// <summary>The salt of <paramref name="now"/>'s UTC day, or the newest known one if rotation is late.</summary>
    public byte[] For(DateTimeOffset now)
    {
        var salts = _salts;
        if (salts.TryGetValue(DateOnly.FromDateTime(now.UtcDateTime), out var salt)) return salt;
        return salts.Count > 0
            ? salts.MaxBy(s => s.Key).Value
            : throw new InvalidOperationException("No reader salt is loaded; ReaderSaltRotation must start first.");
    }
}
