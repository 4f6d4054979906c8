namespace NewsPlatform.Benchmarks;

/// <summary>
/// One measured figure set. <see cref="RunAsync"/> returns the markdown for its section of
/// docs/benchmarks.md (tables of medians and percentiles, and what limits a goal if unmet).
/// </summary>
public interface IBenchmark
{
    /// <summary>Short name used on the command line, e.g. <c>relay</c>.</summary>
    string Name { get; }
    string Title { get; }
    Task<string> RunAsync(BenchmarkContext context, CancellationToken cancellationToken);
}
