using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsPlatform.ServiceDefaults.Hosting;

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
    /// MassTransit over RabbitMQ, the one way NewsPlatform hosts talk: quorum queues (<c>Messaging:QueueType</c>),
    /// every node of the address and TLS (<see cref="RabbitMqConnection"/>), publisher confirms, retry then <c>_error</c>,
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
        var messaging = builder.AddValidatedOptions<MessagingOptions>(MessagingOptions.Section);
        var trustedCa = RabbitMqConnection.TrustedCa(messaging.TlsCaFile, rabbit);
        var quorum = messaging.Quorum;
        builder.Services.AddMassTransit(x =>
        {
            x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, false));
            // Replicated across a cluster's nodes (a classic queue lives on one). Temporary endpoints (the
            // gateway's) are configured by hand, so this leaves them classic and auto-deleted.
            if (quorum) x.AddRabbitMqConfigureEndpointsCallback((_, _, endpoint) => endpoint.SetQuorumQueue());
            if (!options.Essential) x.ConfigureHealthCheckOptions(h => h.MinimalFailureStatus = HealthStatus.Degraded);
            options.Consumers?.Invoke(x);
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.ConnectTo(rabbit, trustedCa, context.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EventBus)));
                cfg.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200)));
                cfg.UseInMemoryOutbox(context);
                options.Bus?.Invoke(context, cfg);
                cfg.ConfigureEndpoints(context);
            });
        });
        return builder;
    }
}
