using MassTransit;
using Microsoft.Extensions.Options;
using NewsPlatform.Media.Extensions;

namespace NewsPlatform.Media.Renditions;

/// <summary>
/// Bounds how many photos one instance renders at once (each holds its decoded pixels), and
/// prefetches no more than that, so waiting photos stay on the queue for other instances.
/// </summary>
public sealed class ProduceRenditionsDefinition : ConsumerDefinition<ProduceRenditionsConsumer>
{
    readonly int _concurrency;

    public ProduceRenditionsDefinition(IOptions<MediaOptions> options)
    {
        _concurrency = Math.Max(1, options.Value.RenditionConcurrency);
        ConcurrentMessageLimit = _concurrency;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ProduceRenditionsConsumer> consumerConfigurator, IRegistrationContext context)
    {
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit) rabbit.PrefetchCount = _concurrency;
    }
}
