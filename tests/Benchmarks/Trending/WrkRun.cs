using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsPlatform.Benchmarks.Trending;

/// <summary>What wrk reported for one run.</summary>
public sealed record WrkResult(long Requests, double Seconds, long NonSuccess, long SocketErrors, double P50Ms, double P99Ms, string Output)
{
    public double RequestsPerSecond => Requests / Seconds;
}

/// <summary>Runs wrk (closed loop, bounded in time) with a Lua script on loopback and parses its summary.</summary>
public static partial class WrkRun
{
    public static async Task<WrkResult> RunAsync(Uri target, string script, int threads, int connections, TimeSpan duration, CancellationToken cancellationToken)
    {
        var scriptPath = Path.Combine(Path.GetTempPath(), $"trending-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(scriptPath, script, cancellationToken);
        try
        {
            var start = new ProcessStartInfo("wrk",
                ["-t", $"{threads}", "-c", $"{connections}", "-d", $"{(int)duration.TotalSeconds}s", "--latency", "--timeout", "10s", "-s", scriptPath, target.ToString()])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            output += await process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0) throw new InvalidOperationException("wrk failed:\n" + output);
            return Parse(output);
        }
        finally
        {
            File.Delete(scriptPath);
        }
    }

    static WrkResult Parse(string output)
    {
        var total = TotalLine().Match(output);
        if (!total.Success) throw new InvalidOperationException("Unexpected wrk output:\n" + output);
        var nonSuccess = NonSuccessLine().Match(output);
        var errors = SocketErrorsLine().Match(output);
        return new WrkResult(
            long.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture),
            Seconds(total.Groups[2].Value),
            nonSuccess.Success ? long.Parse(nonSuccess.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            errors.Success ? errors.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture)) : 0,
            Latency(output, "50%"), Latency(output, "99%"), output);
    }

    static double Latency(string output, string percentile)
    {
        var match = Regex.Match(output, $@"^\s*{Regex.Escape(percentile)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!match.Success) return double.NaN;
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    static double Seconds(string value) => value.EndsWith("ms")
        ? double.Parse(value[..^2], CultureInfo.InvariantCulture) / 1000
        : value.EndsWith("m") ? double.Parse(value[..^1], CultureInfo.InvariantCulture) * 60
        : double.Parse(value.TrimEnd('s'), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(\d+) requests in ([\d.]+m?s)")]
    private static partial Regex TotalLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex NonSuccessLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorsLine();
}
