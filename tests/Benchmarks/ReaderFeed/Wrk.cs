using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsPlatform.Benchmarks.ReaderFeed;

/// <summary>One wrk run: requests per second, latency percentiles, and responses that were not 2xx/3xx.</summary>
public sealed record WrkResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long Errors)
{
    /// <param name="script">A wrk Lua script, e.g. one choosing each request's path.</param>
    public static async Task<WrkResult> RunAsync(string url, TimeSpan duration, string? header = null, int connections = 64, int threads = 2,
        string? script = null)
    {
        string[] arguments = ["-t" + threads, "-c" + connections, "-d" + (int)duration.TotalSeconds + "s", "--latency",
            .. header is null ? Array.Empty<string>() : ["-H", header], .. script is null ? Array.Empty<string>() : ["-s", script], url];
        var start = new ProcessStartInfo("wrk", arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start (apt-get install -y wrk).");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"wrk failed: {output}{await process.StandardError.ReadToEndAsync()}");
        return Parse(output);
    }

    internal static WrkResult Parse(string output)
    {
        double Latency(string percentile)
        {
            var m = Regex.Match(output, $@"^\s*{percentile}%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
            if (!m.Success) return double.NaN;
            var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            return m.Groups[2].Value switch { "us" => value / 1000, "ms" => value, _ => value * 1000 };
        }
        var rps = Regex.Match(output, @"Requests/sec:\s+([\d.]+)");
        var total = Regex.Match(output, @"(\d+) requests in");
        var errors = Regex.Match(output, @"Non-2xx or 3xx responses:\s+(\d+)");
        var socket = Regex.Match(output, @"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)");
        var socketErrors = socket.Success ? Enumerable.Range(1, 4).Sum(i => long.Parse(socket.Groups[i].Value, CultureInfo.InvariantCulture)) : 0;
        return new WrkResult(
            rps.Success ? double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            Latency("50"), Latency("99"),
            total.Success ? long.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            (errors.Success ? long.Parse(errors.Groups[1].Value, CultureInfo.InvariantCulture) : 0) + socketErrors);
    }
}
