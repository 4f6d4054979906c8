using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace NewsPlatform.ServiceDefaults.Messaging;

/// <summary>What a host plugs into the bus: its consumers, endpoint tweaks, and whether it can run without the broker.</summary>
public sealed class EventBusOptions
{
    public Action<IBusRegistrationConfigurator>? Consumers { get; set; }
    /// <summary>Per-endpoint tweaks on top of the defaults (retry, then <c>_error</c>).</summary>
    public Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator>? Bus { get; set; }
    /// <summary>
    /// True (services on the event backbone): start-up waits for the broker and readiness fails without it.
    /// False (the gateway): the host starts and stays ready while the broker is away; the bus keeps reconnecting
    /// and its health check reports Degraded.
    /// </summary>
    public bool Essential { get; set; } = true;
}

public static class EventBus
{
    /// <summary>
    /// MassTransit over RabbitMQ, the one way NewsPlatform hosts talk: publisher confirms, retry then <c>_error</c>,
    /// an in-memory outbox (what a consumer publishes is sent once it has finished), queues named
    /// <c>{serviceName}-{consumer}</c>. <see cref="EventStore.EventBackbone"/> adds Marten on top of it.
    /// </summary>
    public static IHostApplicationBuilder AddEventBus(
        this IHostApplicationBuilder builder, string serviceName, RabbitMqAddress rabbit, Action<EventBusOptions> configure)
    {
        var options = new EventBusOptions();
        configure(options);

        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = options.Essential;
            o.StartTimeout = TimeSpan.FromSeconds(60);
            o.StopTimeout = TimeSpan.FromSeconds(30);
        });
        builder.Services.AddMassTransit(x =>
        {
            x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, false));
            if (!options.Essential) x.ConfigureHealthCheckOptions(h => h.MinimalFailureStatus = HealthStatus.Degraded);
            options.Consumers?.Invoke(x);
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(rabbit.Host, rabbit.Port, rabbit.VirtualHost, h =>
                {
                    h.Username(rabbit.Username);
                    h.Password(rabbit.Password);
                    h.PublisherConfirmation = true;
                });
                cfg.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200)));
                cfg.UseInMemoryOutbox(context);
                options.Bus?.Invoke(context, cfg);
                cfg.ConfigureEndpoints(context);
            });
        });
        return builder;
    }
}
