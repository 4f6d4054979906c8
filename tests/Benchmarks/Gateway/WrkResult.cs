using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsPlatform.Benchmarks.Gateway;

/// <summary>One bounded wrk run on loopback and what it printed.</summary>
public sealed partial record WrkResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long Errors)
{
    public static async Task<WrkResult> RunAsync(Uri url, int connections, TimeSpan duration, params string[] headers)
    {
        var arguments = new List<string>
        {
            "-t", Math.Min(2, connections).ToString(CultureInfo.InvariantCulture),
            "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{(int)duration.TotalSeconds}s",
            "--timeout", "5s",
            "--latency",
        };
        foreach (var header in headers) arguments.AddRange(["-H", header]);
        arguments.Add(url.ToString());

        var start = new ProcessStartInfo("wrk", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start; install it (apt-get install -y wrk).");
        using var deadline = new CancellationTokenSource(duration + TimeSpan.FromSeconds(30));
        var output = await wrk.StandardOutput.ReadToEndAsync(deadline.Token);
        await wrk.WaitForExitAsync(deadline.Token);
        if (wrk.ExitCode != 0) throw new InvalidOperationException($"wrk failed: {await wrk.StandardError.ReadToEndAsync()}\n{output}");
        return Parse(output);
    }

    static WrkResult Parse(string output)
    {
        var rps = double.Parse(RateLine().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var requests = long.Parse(CountLine().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var errors = ErrorLines().Matches(output).Sum(m => m.Groups.Cast<Group>().Skip(1).Where(g => g.Success).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture)));
        return new WrkResult(rps, Percentile(output, "50%"), Percentile(output, "99%"), requests, errors);
    }

    static double Percentile(string output, string label)
    {
        var match = Regex.Match(output, $@"^\s+{Regex.Escape(label)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!match.Success) throw new FormatException($"wrk printed no {label} latency:\n{output}");
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RateLine();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex CountLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)|Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex ErrorLines();
}
