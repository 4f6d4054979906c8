using System.Diagnostics;
using System.Text;

namespace NewsPlatform.Tracing.Tests;

/// <summary>
/// The spans of one publish request, found by walking parent links from the gateway's server span:
/// each hop must descend from the one before, not merely share the trace id.
/// </summary>
public sealed class PublishTrace
{
    public const string RelaySpan = "relay ArticlePublishedV1";
    public const string ConsumeSpan = "readerfeed-article-published process";

    readonly List<Activity> _trace;

    public PublishTrace(IReadOnlyList<Activity> spans, string path, Uri gateway, Uri authoring)
    {
        GatewayServer = spans.FirstOrDefault(s => s.Kind == ActivityKind.Server && Tag(s, "url.path") == path && Port(s) == gateway.Port);
        _trace = GatewayServer is null ? [] : spans.Where(s => s.TraceId == GatewayServer.TraceId).ToList();
        GatewayClient = Below(GatewayServer, s => s.Source.Name == "System.Net.Http" && s.Kind == ActivityKind.Client && Port(s) == authoring.Port);
        AuthoringServer = Below(GatewayClient, s => s.Kind == ActivityKind.Server && Port(s) == authoring.Port && Tag(s, "url.path") == path);
        AuthoringDatabase = Below(AuthoringServer, s => s.Source.Name == "Npgsql");
        Relay = Below(AuthoringServer, s => s.Source.Name == "NewsPlatform" && s.DisplayName == RelaySpan);
        Publish = Below(Relay, s => s.Source.Name == "MassTransit" && s.Kind == ActivityKind.Producer);
        Consume = Below(Publish, s => s.Source.Name == "MassTransit" && s.Kind == ActivityKind.Consumer && s.DisplayName == ConsumeSpan);
        ReadModelWrite = Below(Consume, s => s.Source.Name == "Npgsql");
    }

    public Activity? GatewayServer { get; }
    public Activity? GatewayClient { get; }
    public Activity? AuthoringServer { get; }
    public Activity? AuthoringDatabase { get; }
    public Activity? Relay { get; }
    public Activity? Publish { get; }
    public Activity? Consume { get; }
    public Activity? ReadModelWrite { get; }

    public IReadOnlyList<string> Missing =>
    [
        .. new (string Name, Activity? Span)[]
        {
            ("the gateway's server span", GatewayServer), ("the gateway's HTTP client span to Authoring", GatewayClient),
            ("Authoring's server span", AuthoringServer), ("an Npgsql span under Authoring's request", AuthoringDatabase),
            ($"the relay span '{RelaySpan}'", Relay), ("MassTransit's producer span", Publish),
            ($"ReaderFeed's consumer span '{ConsumeSpan}'", Consume), ("an Npgsql span under the consumer", ReadModelWrite),
        }.Where(x => x.Span is null).Select(x => x.Name),
    ];

    /// <summary>A span of this trace that has <paramref name="ancestor"/> somewhere above it.</summary>
    Activity? Below(Activity? ancestor, Func<Activity, bool> match) =>
        ancestor is null ? null : _trace.Where(match).FirstOrDefault(s => Descends(s, ancestor));

    bool Descends(Activity span, Activity ancestor)
    {
        for (var current = span; current is not null; current = _trace.FirstOrDefault(s => s.SpanId == current.ParentSpanId))
            if (current.ParentSpanId == ancestor.SpanId) return true;
        return false;
    }

    static string? Tag(Activity span, string key) => span.GetTagItem(key)?.ToString();
    static int? Port(Activity span) => span.GetTagItem("server.port") is { } port ? Convert.ToInt32(port) : null;

    /// <summary>What is missing and the trace as far as it got, for the failure message.</summary>
    public override string ToString()
    {
        var text = new StringBuilder($"missing: {string.Join("; ", Missing)}");
        foreach (var s in _trace.OrderBy(s => s.StartTimeUtc))
            text.Append($"\n  {s.Source.Name} {s.Kind} '{s.DisplayName}' span={s.SpanId} parent={s.ParentSpanId}");
        return text.ToString();
    }
}
