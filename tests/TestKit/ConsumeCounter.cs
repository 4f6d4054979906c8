using System.Collections.Concurrent;
using MassTransit;

namespace NewsPlatform.TestKit;

/// <summary>
/// The one bus observer tests attach to a host's bus: counts the deliveries its consumers finished, by
/// message type (which instance did the work) and by message id (so a test can wait for a duplicate
/// delivery to be handled, which leaves no other trace).
/// </summary>
public sealed class ConsumeCounter : IConsumeObserver
{
    readonly ConcurrentDictionary<Guid, int> _byId = new();
    readonly ConcurrentDictionary<Type, int> _byType = new();

    /// <summary>How many deliveries of this message id a consumer finished.</summary>
    public int Completed(Guid messageId) => _byId.GetValueOrDefault(messageId);

    /// <summary>How many messages of type <typeparamref name="T"/> a consumer finished.</summary>
    public int Completed<T>() where T : class => _byType.GetValueOrDefault(typeof(T));

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.MessageId is { } id) _byId.AddOrUpdate(id, 1, (_, n) => n + 1);
        _byType.AddOrUpdate(typeof(T), 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
