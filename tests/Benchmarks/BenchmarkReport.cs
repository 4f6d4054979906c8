using System.Text.RegularExpressions;

namespace NewsPlatform.Benchmarks;

/// <summary>Writes one benchmark's section into docs/benchmarks.md, replacing its previous run.</summary>
public static partial class BenchmarkReport
{
    public static void Write(string repositoryRoot, IBenchmark benchmark, string body, string command)
    {
        var path = Path.Combine(repositoryRoot, "docs", "benchmarks.md");
        var text = File.Exists(path) ? File.ReadAllText(path) : Header;
        var section =
            $"<!-- bench:{benchmark.Name} -->\n## {benchmark.Title}\n\n" +
            $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Machine()} with `{command}`.\n\n" +
            body.Trim() + $"\n<!-- /bench:{benchmark.Name} -->";
        var pattern = new Regex($@"<!-- bench:{Regex.Escape(benchmark.Name)} -->.*?<!-- /bench:{Regex.Escape(benchmark.Name)} -->", RegexOptions.Singleline);
        text = pattern.IsMatch(text) ? pattern.Replace(text, section.Replace("$", "$$")) : text.TrimEnd() + "\n\n" + section + "\n";
        File.WriteAllText(path, text);
    }

    const string Header =
        "# NewsPlatform benchmarks\n\n" +
        "Figures from `deploy/local/bench.sh NAME` (real PostgreSQL, RabbitMQ and service processes on loopback).\n" +
        "The machine is small and shared by load generator and servers, so compare ratios within one run rather than\n" +
        "absolute numbers across runs. Each section says what produced it.\n";

    static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':', 2)[1].Trim()
            : null;
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return $"{Environment.ProcessorCount} cores ({cpu ?? "unknown CPU"}), {memory:0} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}";
    }
}
