using NewsPlatform.ServiceDefaults.Hosting;

namespace NewsPlatform.Backbone.Tests;

/// <summary>The one progress display of the import and replay commands, as a log or a terminal shows it.</summary>
public sealed class CommandLineProgressTests
{
    [Fact]
    public void In_a_log_a_line_is_written_for_each_tenth_done_and_every_few_seconds_while_a_tenth_takes_longer()
    {
        var output = new StringWriter();
        var clock = new SteppedClock();
        var progress = new CommandLineProgress(output, terminal: false, clock);

        foreach (var done in new[] { 0, 1, 2, 3, 10, 11, 100 }) progress.Report(done / 100.0, $"{done} done");
        clock.Now += TimeSpan.FromSeconds(6);
        progress.Report(1.0, "100 done again");
        progress.Finish();

        Assert.Equal(
            ["progress:   0% 0 done", "progress:  10% 10 done", "progress: 100% 100 done", "progress: 100% 100 done again"],
            output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void On_a_terminal_the_bar_is_redrawn_in_place_and_a_printed_line_goes_above_it()
    {
        var output = new StringWriter();
        var progress = new CommandLineProgress(output, terminal: true);

        progress.Report(0.5, "half of the archive");
        progress.Print("story-7.txt: no headline");
        progress.Report(1, "all");
        progress.Finish();

        var screen = output.ToString();
        Assert.Contains("\r[###############---------------]  50% half of the archive", screen);
        Assert.Contains("\rstory-7.txt: no headline" + Environment.NewLine, screen);
        Assert.EndsWith("\r[##############################] 100% all" + new string(' ', "half of the archive".Length - "all".Length) + Environment.NewLine, screen);
    }

    sealed class SteppedClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UnixEpoch;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
