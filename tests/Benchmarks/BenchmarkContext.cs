using NewsPlatform.TestKit;

namespace NewsPlatform.Benchmarks;

public sealed class BenchmarkContext
{
    public string RepositoryRoot { get; } = ProjectOutput.RepositoryRoot;

    /// <summary>A fresh database and vhost on the benchmark servers (see deploy/local/bench.sh).</summary>
    public Task<TestInfrastructure> CreateInfrastructureAsync() => TestInfrastructure.CreateAsync();

    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.OrderBy(v => v).ToArray();
        var rank = p / 100 * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }

    public static double Median(IReadOnlyList<double> values) => Percentile(values, 50);
}
