using static System.FormattableString;

namespace NewsPlatform.Media.Upload;

public static class Sizes
{
    /// <summary>"20 MB", "512 KB", "900 bytes" — for messages people read.</summary>
    public static string Describe(long bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => $"{bytes / (1024 * 1024)} MB",
        >= 1024 * 1024 => Invariant($"{bytes / (1024.0 * 1024):0.#} MB"),
        >= 1024 => Invariant($"{bytes / 1024.0:0.#} KB"),
        _ => $"{bytes} bytes",
    };
}
