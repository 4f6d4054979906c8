namespace NewsPlatform.Benchmarks.Gateway;

/// <summary>
/// CPU time a process has used (user + system, from /proc). CPU per request is the gateway's intrinsic
/// cost, steadier than requests/s on a machine whose cores are shared with other work.
/// </summary>
public static class ProcessCpu
{
    static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public static TimeSpan Of(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // After "pid (comm) ": state is field 0, utime field 11, stime field 12.
        return TimeSpan.FromSeconds((double.Parse(fields[11]) + double.Parse(fields[12])) / TicksPerSecond);
    }

    /// <summary>The CPU time of several processes together (nginx's master and workers).</summary>
    public static TimeSpan Of(IEnumerable<int> processIds) =>
        processIds.Aggregate(TimeSpan.Zero, (sum, id) => sum + Of(id));
}
