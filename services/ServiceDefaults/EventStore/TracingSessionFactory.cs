using System.Diagnostics;
using Marten;
using NewsPlatform.ServiceDefaults.Relay;

namespace NewsPlatform.ServiceDefaults.EventStore;

/// <summary>
/// Lightweight sessions that stamp every appended event with the current trace, so the relay can
/// continue the trace of the request that caused the event.
/// </summary>
public sealed class TracingSessionFactory(IDocumentStore store) : ISessionFactory
{
    public IQuerySession QuerySession() => store.QuerySession();

    public IDocumentSession OpenSession()
    {
        var session = store.LightweightSession();
        if (Activity.Current is { Id: { } traceParent })
            session.SetHeader(EventRelay.TraceParentHeader, traceParent);
        return session;
    }
}
