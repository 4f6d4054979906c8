using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NewsPlatform.TestKit;
using OpenTelemetry.Trace;

namespace NewsPlatform.Tracing.Tests;

/// <summary>
/// One NewsPlatform service in the test process on a real loopback socket (the gateway proxies over HTTP),
/// exporting its spans into <paramref name="spans"/>.
/// </summary>
public sealed class TracedService<TEntryPoint>(IReadOnlyDictionary<string, string?> settings, SpanCollector spans)
    : ServiceFactory<TEntryPoint>(settings)
    where TEntryPoint : class
{
    /// <summary>Starts the host (bus, daemon, hosted services) and returns the address it listens on.</summary>
    public Uri Start()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
            services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans)));
    }
}

/// <summary>
/// Every host's tracer provider exports into one collection from its own threads. Activity listeners are
/// process-wide, so each provider sees every span: keep one of each.
/// </summary>
public sealed class SpanCollector : ICollection<Activity>
{
    readonly List<Activity> _inner = [];

    public IReadOnlyList<Activity> Snapshot()
    {
        lock (_inner) return _inner.DistinctBy(a => a.SpanId).ToList();
    }

    public void Add(Activity item) { lock (_inner) _inner.Add(item); }
    public int Count { get { lock (_inner) return _inner.Count; } }
    public bool IsReadOnly => false;
    public void Clear() { lock (_inner) _inner.Clear(); }
    public bool Contains(Activity item) { lock (_inner) return _inner.Contains(item); }
    public void CopyTo(Activity[] array, int arrayIndex) { lock (_inner) _inner.CopyTo(array, arrayIndex); }
    public bool Remove(Activity item) { lock (_inner) return _inner.Remove(item); }
    public IEnumerator<Activity> GetEnumerator() => Snapshot().GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
