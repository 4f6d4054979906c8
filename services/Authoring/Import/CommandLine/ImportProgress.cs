using System.Diagnostics;
using NewsPlatform.Authoring.Import.Bulk;

namespace NewsPlatform.Authoring.Import.CommandLine;

/// <summary>
/// The command line's view of a running batch: on a terminal a progress bar redrawn in place
/// (<c>[#####-----]  45% 45,000 done · 3 failed · 55,000 left · 2,150/s · ETA 0:25</c>), with failures printed
/// above it; elsewhere (a log, a CI job) the same figures as a plain line every few seconds.
/// </summary>
public sealed class ImportProgress(TextWriter output, bool terminal, ImportBatch start)
{
    private const int BarWidth = 30;
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastLine = TimeSpan.Zero;
    private string _bar = "";

    /// <summary>A line above the bar (a failure).</summary>
    public void Print(string line)
    {
        if (terminal) output.Write("\r" + new string(' ', _bar.Length) + "\r");
        output.WriteLine(line);
        if (terminal) output.Write(_bar);
    }

    public void Report(ImportBatch batch)
    {
        if (terminal)
        {
            _bar = Bar(batch) + " " + Figures(batch);
            output.Write("\r" + _bar);
            output.Flush();
        }
        else if (_clock.Elapsed - _lastLine >= PlainInterval)
        {
            _lastLine = _clock.Elapsed;
            output.WriteLine("progress: " + Figures(batch));
            output.Flush();
        }
    }

    public void Finish(ImportBatch batch)
    {
        if (terminal && _bar.Length > 0) output.WriteLine();
        var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        output.WriteLine($"{batch.Source}: {batch.Imported:N0} imported, {batch.AlreadyImported:N0} already imported, {batch.Failed:N0} failed " +
                         $"of {batch.Total:N0} in {seconds:0.0} s ({Rate(batch):N0} articles/s)");
        output.Flush();
    }

    private double Rate(ImportBatch batch) => (batch.Position - start.Position) / Math.Max(_clock.Elapsed.TotalSeconds, 0.001);

    private string Figures(ImportBatch batch)
    {
        var rate = Rate(batch);
        var eta = rate > 0 ? TimeSpan.FromSeconds(batch.Remaining / rate) : (TimeSpan?)null;
        return $"{batch.Done:N0} done · {batch.Failed:N0} failed · {batch.Remaining:N0} left · {rate:N0}/s · ETA {(eta is { } e ? Format(e) : "–")}";
    }

    private string Bar(ImportBatch batch)
    {
        var share = batch.Total == 0 ? 1 : (double)batch.Position / batch.Total;
        var filled = (int)Math.Round(share * BarWidth);
        return $"[{new string('#', filled)}{new string('-', BarWidth - filled)}] {share,4:P0}";
    }

    private static string Format(TimeSpan t) => t.TotalHours >= 1 ? t.ToString(@"h\:mm\:ss") : t.ToString(@"m\:ss");
}
