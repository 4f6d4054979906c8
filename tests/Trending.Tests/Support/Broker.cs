using MassTransit;
using NewsPlatform.Contracts;
using NewsPlatform.ServiceDefaults.Messaging;

namespace NewsPlatform.Trending.Tests.Support;

/// <summary>Publishes integration events onto a test vhost as another service's relay would, for a Trending process.</summary>
public static class Broker
{
    public static async Task PublishAsync<T>(TestInfrastructure infrastructure, T message) where T : class, IIntegrationEvent
    {
        var address = RabbitMqAddress.Parse(infrastructure.VirtualHost.ConnectionString);
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(address.Host, address.Port, address.VirtualHost, h =>
        {
            h.Username(address.Username);
            h.Password(address.Password);
            h.PublisherConfirmation = true;
        }));
        await bus.StartAsync();
        try
        {
            await bus.Publish(message, c => c.MessageId = message.EventId);
        }
        finally
        {
            await bus.StopAsync();
        }
    }
}
