using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsPlatform.ServiceDefaults.Messaging;

namespace NewsPlatform.ServiceDefaults.Relay;

public static class ReplayRegistration
{
    /// <summary>
    /// Replays to one consumer for a service with a relay: the runner, its background worker for the admin API
    /// (<see cref="ReplayApi.MapReplayApi"/>), the command line (<see cref="ReplayCommandLine"/>) and the stored runs.
    /// </summary>
    public static IHostApplicationBuilder AddEventReplay(this IHostApplicationBuilder builder, RabbitMqAddress rabbit)
    {
        var management = builder.Configuration[ReplayBroker.ManagementKey];
        builder.Services.AddHttpClient(nameof(ReplayBroker));
        builder.Services.AddTransient(sp =>
            new ReplayBroker(sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(ReplayBroker)), rabbit, management));
        builder.Services.AddTransient<ReplayRunner>();
        builder.Services.AddSingleton<ReplayWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ReplayWorker>());
        builder.Services.ConfigureMarten(opts => opts.Schema.For<ReplayRun>().Index(r => r.RequestedAt));
        return builder;
    }
}
