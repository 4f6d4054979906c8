using System.Collections.Concurrent;
using MassTransit;

namespace NewsPlatform.ReaderFeed.Tests.Fixtures;

/// <summary>
/// Counts how often the host's consumers finished each message id, so a test can wait for a duplicate
/// delivery to be handled (a handled duplicate leaves no other trace).
/// </summary>
public sealed class ConsumeCounter : IConsumeObserver
{
    readonly ConcurrentDictionary<Guid, int> _completed = new();

    public int Completed(Guid messageId) => _completed.GetValueOrDefault(messageId);

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.MessageId is { } id) _completed.AddOrUpdate(id, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
