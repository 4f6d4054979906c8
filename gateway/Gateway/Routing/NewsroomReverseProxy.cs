using NewsPlatform.Gateway.Caching;
using NewsPlatform.ServiceDefaults.Hosting;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.ServiceDiscovery;
using Yarp.ReverseProxy.Transforms;

namespace NewsPlatform.Gateway.Routing;

public static class NewsroomReverseProxy
{
    /// <summary>
    /// Routes and clusters come from the <c>ReverseProxy</c> section (appsettings.json, overridden by
    /// environment variables such as <c>ReverseProxy__Clusters__readerfeed__Destinations__readerfeed-2__Address</c>).
    /// YARP forwards the Authorization header, sets X-Forwarded-For/Proto/Host from the (already
    /// validated) connection and propagates the trace context. A destination named by host name stands for every
    /// instance that name resolves to (<see cref="InstanceDiscovery"/>).
    /// </summary>
    public static WebApplicationBuilder AddNewsroomReverseProxy(this WebApplicationBuilder builder)
    {
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddTransforms(context =>
            {
                // The forwarded-headers middleware keeps what it replaced in X-Original-*; services only
                // need the X-Forwarded-* that YARP sets from the validated connection.
                context.AddRequestHeaderRemove("X-Original-For");
                context.AddRequestHeaderRemove("X-Original-Proto");
            });
        builder.AddValidatedOptions<DiscoveryOptions>(DiscoveryOptions.Section);
        builder.Services.AddSingleton<IDestinationResolver, InstanceDiscovery>();
        var passiveHealth = builder.AddValidatedOptions<PassiveHealthOptions>(PassiveHealthOptions.Section);
        builder.Services.Configure<TransportFailureRateHealthPolicyOptions>(o => o.DetectionWindowSize = passiveHealth.DetectionWindow);
        return builder;
    }

    /// <summary>
    /// The proxy pipeline: a stale copy or 503 for a reader request whose service failed, clear problem details for gateway errors, body limits checked before a
    /// service is contacted, load balancing, one safe retry, passive health checks.
    /// </summary>
    public static WebApplication MapGatewayProxy(this WebApplication app)
    {
        app.MapReverseProxy(proxy =>
        {
            proxy.UseMiddleware<ReaderFailover.GuardService>();
            proxy.UseMiddleware<GatewayErrorProblems>();
            proxy.UseMiddleware<RequestBodyLimit>();
            proxy.UseSessionAffinity();
            proxy.UseMiddleware<IdempotentRetry>();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
        return app;
    }
}
