using System.Diagnostics;
using NewsPlatform.Authoring.Import.Bulk;
using NewsPlatform.ServiceDefaults.Hosting;

namespace NewsPlatform.Authoring.Import.CommandLine;

/// <summary>
/// The command line's view of a running batch, drawn by <see cref="CommandLineProgress"/>
/// (<c>[#####-----]  45% 45,000 done · 3 failed · 55,000 left · 2,150/s · ETA 0:25</c>), with failures printed
/// above the bar, and a closing summary.
/// </summary>
public sealed class ImportProgress(TextWriter output, bool terminal, ImportBatch start)
{
    private readonly CommandLineProgress _progress = new(output, terminal);
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>A line above the bar (a failure).</summary>
    public void Print(string line) => _progress.Print(line);

    public void Report(ImportBatch batch) =>
        _progress.Report(batch.Total == 0 ? 1 : (double)batch.Position / batch.Total, Figures(batch));

    public void Finish(ImportBatch batch)
    {
        _progress.Finish();
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

    private static string Format(TimeSpan t) => t.TotalHours >= 1 ? t.ToString(@"h\:mm\:ss") : t.ToString(@"m\:ss");
}
