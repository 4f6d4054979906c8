using MassTransit;

namespace NewsPlatform.Trending.Tests.Support;

/// <summary>Counts the messages of one type a host's bus consumed, to show which instance did the work.</summary>
public sealed class ConsumeCounter<T> : IConsumeObserver where T : class
{
    int _count;

    public int Count => Volatile.Read(ref _count);

    public Task PostConsume<TMessage>(ConsumeContext<TMessage> context) where TMessage : class
    {
        if (typeof(TMessage) == typeof(T)) Interlocked.Increment(ref _count);
        return Task.CompletedTask;
    }

    public Task PreConsume<TMessage>(ConsumeContext<TMessage> context) where TMessage : class => Task.CompletedTask;

    public Task ConsumeFault<TMessage>(ConsumeContext<TMessage> context, Exception exception) where TMessage : class => Task.CompletedTask;
}
