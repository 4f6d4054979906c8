using MassTransit;
using NewsPlatform.ServiceDefaults.Messaging;

namespace NewsPlatform.TestKit;

/// <summary>
/// A bus of the test's own on a RabbitMQ virtual host, publishing as a service's relay does (publisher confirms,
/// MessageId = the event id), to feed a service under test with another service's events.
/// </summary>
public static class TestBus
{
    /// <summary>A started bus; stop it when done.</summary>
    public static async Task<IBusControl> StartAsync(string rabbitMqConnection, CancellationToken cancellationToken = default)
    {
        var address = RabbitMqAddress.Parse(rabbitMqConnection);
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.ConnectTo(address));
        await bus.StartAsync(cancellationToken);
        return bus;
    }

    /// <summary>Publishes one message on a short-lived bus and returns once the broker confirmed it.</summary>
    public static async Task PublishAsync<T>(string rabbitMqConnection, T message, Guid messageId) where T : class
    {
        var bus = await StartAsync(rabbitMqConnection);
        try
        {
            await bus.Publish(message, c => c.MessageId = messageId);
        }
        finally
        {
            await bus.StopAsync();
        }
    }
}
