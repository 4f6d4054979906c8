using System.Diagnostics;
using Marten;

namespace NewsPlatform.ServiceDefaults.EventStore;

/// <summary>
/// Stamps the events of every session with the current trace (W3C traceparent), however the
/// session was opened, so the relay can continue the trace of the request that caused them.
/// </summary>
public sealed class TraceHeadersListener : DocumentSessionListenerBase
{
    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        if (Activity.Current is not { Id: { } traceParent }) return Task.CompletedTask;

        // Event metadata is copied from the session when an event is appended, so stamp the pending events themselves.
        foreach (var stream in session.PendingChanges.Streams())
            foreach (var e in stream.Events)
                e.SetHeader(Relay.RelayEnvelope.TraceParentHeader, traceParent);
        return Task.CompletedTask;
    }
}
