using System.Text.RegularExpressions;

namespace NewsPlatform.Deploy.Tests.Operations;

/// <summary>
/// docs/operations.md is what an operator reads instead of the code; these keep it in step with the code
/// when a metric or a required setting is added.
/// </summary>
public sealed partial class OperationsGuideTests
{
    const string Guide = "docs/operations.md";

    static IReadOnlySet<string> MetricsInCode() =>
        new[] { "services", "gateway" }
            .SelectMany(folder => Directory.EnumerateFiles(RepositoryRoot.Combine(folder), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .SelectMany(f => InstrumentCreation().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet();

    /// <summary>The list of planned metrics, or nothing once every planned metric is emitted and the list is gone.</summary>
    static string PlannedSection()
    {
        var text = RepositoryRoot.Read(Guide);
        var start = text.IndexOf("Planned, not emitted yet", StringComparison.Ordinal);
        if (start < 0) return "";
        var end = text.IndexOf("###", start, StringComparison.Ordinal);
        return text[start..end];
    }

    [Fact]
    public void Every_metric_the_code_emits_is_explained()
    {
        var guide = RepositoryRoot.Read(Guide);
        var metrics = MetricsInCode();

        Assert.Contains("newsplatform.relay.events_relayed", metrics);
        Assert.Contains("newsplatform.relay.lag", metrics); // an observable gauge, created without a type argument
        Assert.All(metrics, m => Assert.True(guide.Contains($"`{m}`"), $"{m} is emitted but {Guide} does not explain it"));
    }

    [Fact]
    public void A_metric_listed_as_planned_is_not_emitted_yet()
    {
        var planned = DocumentedMetric().Matches(PlannedSection()).Select(m => m.Groups[1].Value).ToList();
        var emitted = MetricsInCode();

        Assert.All(planned, m => Assert.False(emitted.Contains(m), $"{m} is emitted now: move it from the planned list in {Guide} to the table above it"));
    }

    [Theory]
    [MemberData(nameof(NewsPlatformService.Names), MemberType = typeof(NewsPlatformService))]
    public void Every_setting_a_service_requires_is_explained(string name)
    {
        var guide = RepositoryRoot.Read(Guide);

        foreach (var key in NewsPlatformService.Named(name).Configuration.RequiredKeys)
            Assert.True(guide.Contains($"`{key.Replace(":", "__")}`", StringComparison.OrdinalIgnoreCase),
                $"{name} requires {key}, which {Guide} does not explain");
    }

    [GeneratedRegex("""Create(?:Counter|Histogram|UpDownCounter|Gauge|ObservableGauge|ObservableCounter|ObservableUpDownCounter)(?:<[^>]+>)?\(\s*"(newsplatform\.[a-z0-9_.]+)"  """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex InstrumentCreation();

    [GeneratedRegex(@"`(newsplatform\.[a-z0-9_.]+)`")]
    private static partial Regex DocumentedMetric();
}
