using System.Globalization;

namespace NewsPlatform.ServiceDefaults.Hosting;

/// <summary>
/// How NewsPlatform's long command-line work (an archive import, a replay) shows its progress: on a terminal a bar
/// redrawn in place (<c>[#############-----------------]  45% figures</c>) with lines printed above it; in a log or
/// a pipe the same figures as a plain line (<c>progress:  45% figures</c>) each time another tenth is done, and at
/// least every few seconds while a tenth takes longer.
/// </summary>
public sealed class CommandLineProgress(TextWriter output, bool terminal, TimeProvider? clock = null)
{
    const int Width = 30;
    static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    readonly TimeProvider _clock = clock ?? TimeProvider.System;
    string _bar = "";
    int _lastTenth = -1;
    DateTimeOffset _lastLine = DateTimeOffset.MinValue;

    /// <summary>Shows <paramref name="fraction"/> done (0–1) with the work's own figures.</summary>
    public void Report(double fraction, string figures)
    {
        fraction = Math.Clamp(fraction, 0, 1);
        var percent = (fraction * 100).ToString("0", CultureInfo.InvariantCulture).PadLeft(3) + "%";
        if (terminal)
        {
            var filled = (int)Math.Round(fraction * Width);
            var bar = $"[{new string('#', filled)}{new string('-', Width - filled)}] {percent} {figures}";
            // Padded over a longer previous bar, so no characters of it are left behind.
            output.Write("\r" + bar.PadRight(_bar.Length));
            _bar = bar;
            output.Flush();
            return;
        }
        var tenth = (int)(fraction * 10);
        var now = _clock.GetUtcNow();
        if (tenth <= _lastTenth && now - _lastLine < PlainInterval) return;
        _lastTenth = Math.Max(tenth, _lastTenth);
        _lastLine = now;
        output.WriteLine($"progress: {percent} {figures}");
        output.Flush();
    }

    /// <summary>A line of its own (a failure, say), above the bar.</summary>
    public void Print(string line)
    {
        if (terminal && _bar.Length > 0) output.Write("\r" + new string(' ', _bar.Length) + "\r");
        output.WriteLine(line);
        if (terminal && _bar.Length > 0) output.Write(_bar);
    }

    /// <summary>Ends the bar's line, so what follows starts on a line of its own.</summary>
    public void Finish()
    {
        if (terminal && _bar.Length > 0) output.WriteLine();
        output.Flush();
    }
}
