using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using NewsPlatform.ServiceDefaults.Health;
using NewsPlatform.ServiceDefaults.Hosting;
using NewsPlatform.ServiceDefaults.Messaging;
using NewsPlatform.ServiceDefaults.Relay;

namespace NewsPlatform.ServiceDefaults.EventStore;

/// <summary>What a service plugs into the backbone: its Marten setup, its relay allow-list, its consumers.</summary>
public sealed class EventBackboneOptions
{
    public Action<StoreOptions>? Marten { get; set; }
    public Action<RelayMap>? Relay { get; set; }
    public Action<IBusRegistrationConfigurator>? Consumers { get; set; }
    /// <summary>Per-endpoint tweaks on top of the defaults (retry, then <c>_error</c>).</summary>
    public Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator>? Bus { get; set; }
}

public static class EventBackbone
{
    public const string PostgresKey = "ConnectionStrings:Postgres";
    public const string RabbitMqKey = "ConnectionStrings:RabbitMq";

    /// <summary>
    /// One <see cref="Npgsql.NpgsqlDataSource"/> (<see cref="ServiceDatabase"/>), Marten on it (schema = service name,
    /// full metadata, async daemon HotCold) and the <see cref="EventBus"/>
    /// (MassTransit over RabbitMQ, started before the daemon), plus the
    /// relay when the service maps any event, and readiness checks for all three.
    /// </summary>
    public static IHostApplicationBuilder AddEventBackbone(
        this IHostApplicationBuilder builder, string serviceName, Action<EventBackboneOptions> configure)
    {
        builder.Configuration.RequireAll(PostgresKey, RabbitMqKey);
        var database = ServiceDatabase.Create(builder, serviceName);
        builder.Services.AddSingleton(database);
        var rabbit = RabbitMqAddress.Parse(builder.Configuration[RabbitMqKey]!);
        var options = new EventBackboneOptions();
        configure(options);
        var relay = new RelayMap();
        options.Relay?.Invoke(relay);

        // The bus first: its hosted service must have the bus up before the daemon relays anything.
        builder.AddEventBus(serviceName, rabbit, bus =>
        {
            bus.Consumers = options.Consumers;
            bus.Bus = options.Bus;
        });

        var relaySettings = builder.AddValidatedOptions<RelayOptions>(RelayOptions.Section);
        var marten = builder.Services.AddMarten(opts =>
            {
                opts.Connection(database);
                opts.DatabaseSchemaName = serviceName;
                opts.Events.DatabaseSchemaName = serviceName;
                opts.Events.AppendMode = EventAppendMode.Rich;
                opts.Events.MetadataConfig.EnableAll();
                // Each service runs its own daemon leader election on the shared database.
                opts.Projections.DaemonLockId = StableLockId(serviceName);
                // Every append also sends a PostgreSQL NOTIFY in its transaction, which wakes the daemon's
                // high-water agent at once: a published article reaches the relay in milliseconds instead of
                // after a polling interval. Polling stays as the safety net for a lost notification.
                opts.Events.UseListenNotifyForEventAppends = true;
                opts.Projections.FastPollingTime = relaySettings.FastPollingTime;
                opts.Projections.SlowPollingTime = relaySettings.SlowPollingTime;
                opts.Schema.For<ProcessedMessage>();
                opts.Listeners.Add(new TraceHeadersListener());
                options.Marten?.Invoke(opts);
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .AddAsyncDaemon(DaemonMode.HotCold);

        var health = builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [HealthEndpoints.Live])
            .AddCheck("postgres", new PostgresHealthCheck(database), HealthStatus.Unhealthy, [HealthEndpoints.Ready], TimeSpan.FromSeconds(5));

        if (options.Consumers is not null)
        {
            var retention = builder.AddValidatedOptions<MessagingOptions>(MessagingOptions.Section).ProcessedMessageRetention;
            builder.Services.AddHostedService(sp => ActivatorUtilities.CreateInstance<ProcessedMessagePruner>(sp, retention));
        }

        if (!relay.IsEmpty)
        {
            builder.Services.AddSingleton(relay);
            marten.AddSubscriptionWithServices<EventRelay>(ServiceLifetime.Singleton, o =>
            {
                // Pages of this many events: a backlog drains in few, large publish rounds and progress writes.
                o.Options.BatchSize = EventRelay.PageSize;
                o.Options.MaximumHopperSize = EventRelay.PageSize * 4;
                foreach (var type in relay.EventTypes) o.IncludeType(type);
            });
            builder.Services.AddHostedService<RelayLagMonitor>();
            builder.AddEventReplay(rabbit);
            // Lag degrades readiness but never fails it; a probe that cannot measure (a slow database) is
            // Degraded too, since the postgres check already fails readiness when the database is gone.
            var degradedLag = relaySettings.DegradedLag;
            health.Add(new HealthCheckRegistration("relay",
                sp => new RelayLagHealthCheck(sp.GetRequiredService<IDocumentStore>(), degradedLag),
                HealthStatus.Degraded, [HealthEndpoints.Ready], TimeSpan.FromSeconds(5)));
        }

        return builder;
    }

    /// <summary>A stable advisory-lock id per service, so two services' daemons never block each other.</summary>
    static int StableLockId(string serviceName)
    {
        var hash = 2166136261u; // FNV-1a: stable across processes, unlike string.GetHashCode
        foreach (var c in serviceName) hash = (hash ^ c) * 16777619u;
        return 10_000 + (int)(hash % 1_000_000);
    }
}
