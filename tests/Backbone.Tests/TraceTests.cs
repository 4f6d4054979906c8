using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NewsPlatform.BackboneProbe;
using NewsPlatform.TestKit;
using OpenTelemetry.Trace;

namespace NewsPlatform.Backbone.Tests;

/// <summary>One trace follows a write from the HTTP request through the relay and RabbitMQ to the consumer.</summary>
public sealed class TraceTests : IAsyncLifetime
{
    TestInfrastructure _infrastructure = null!;
    readonly List<Activity> _spans = [];

    public async Task InitializeAsync() => _infrastructure = await TestInfrastructure.CreateAsync();
    public async Task DisposeAsync() => await _infrastructure.DisposeAsync();

    [Fact]
    public async Task The_consumer_continues_the_trace_of_the_request_that_appended_the_event()
    {
        await using var consumer = Host(ProbeProcesses.ConsumerName, "consumer");
        await using var relay = Host(ProbeProcesses.RelayName, "relay");
        consumer.Server.PreserveExecutionContext = false;
        _ = consumer.Services; // start the consumer's bus before anything is published

        (await relay.CreateClient().PostAsync("/probe/append?from=0&count=1", null)).EnsureSuccessStatusCode();
        await ProbeProcesses.WaitForAppliedAsync(_infrastructure, 1, TimeSpan.FromSeconds(60));

        var spans = await Eventually.MatchAsync(() => Task.FromResult(Snapshot()),
            s => s.Any(a => a.Kind == ActivityKind.Consumer), TimeSpan.FromSeconds(10), "the consumer's span");
        var request = Assert.Single(spans, a => a.Kind == ActivityKind.Server && a.DisplayName.Contains("/probe/append"));
        var trace = spans.Where(a => a.TraceId == request.TraceId).ToList();
        Assert.Contains(trace, a => a.Source.Name == "NewsPlatform" && a.DisplayName == "relay ProbeNotedV1");
        Assert.Contains(trace, a => a.Source.Name == "MassTransit" && a.Kind == ActivityKind.Producer);
        Assert.Contains(trace, a => a.Source.Name == "MassTransit" && a.Kind == ActivityKind.Consumer);
        Assert.Contains(trace, a => a.Source.Name == "Npgsql");
    }

    List<Activity> Snapshot()
    {
        // Listeners are process-wide: each host's provider exports every span, so keep one of each.
        lock (_spans) return _spans.DistinctBy(a => a.SpanId).ToList();
    }

    WebApplicationFactory<ProbeEntryPoint> Host(string name, string role)
    {
        var settings = _infrastructure.Settings();
        settings["Probe:Name"] = name;
        settings["Probe:Role"] = role;
        return new ServiceFactory<ProbeEntryPoint>(settings).WithWebHostBuilder(b => b.ConfigureServices(services =>
            services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(new LockedList(_spans)))));
    }

    /// <summary>Both hosts export into one list from their own threads.</summary>
    sealed class LockedList(List<Activity> inner) : ICollection<Activity>
    {
        public void Add(Activity item) { lock (inner) inner.Add(item); }
        public int Count { get { lock (inner) return inner.Count; } }
        public bool IsReadOnly => false;
        public void Clear() { lock (inner) inner.Clear(); }
        public bool Contains(Activity item) { lock (inner) return inner.Contains(item); }
        public void CopyTo(Activity[] array, int arrayIndex) { lock (inner) inner.CopyTo(array, arrayIndex); }
        public bool Remove(Activity item) { lock (inner) return inner.Remove(item); }
        public IEnumerator<Activity> GetEnumerator() { lock (inner) return inner.ToList().GetEnumerator(); }
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
