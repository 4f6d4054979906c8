using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using NewsPlatform.Deploy.Tests.Compose;
using NewsPlatform.ServiceDefaults.Health;

namespace NewsPlatform.Deploy.Tests.Docker;

/// <summary>
/// The images carry no curl: their HEALTHCHECK (and compose's readiness check) is a bash /dev/tcp
/// request. These run the exact commands against a real Kestrel serving NewsPlatform's health endpoints.
/// </summary>
public sealed class HealthProbeTests : IAsyncLifetime
{
    WebApplication app = null!;
    volatile HealthStatus live = HealthStatus.Healthy;
    volatile HealthStatus ready = HealthStatus.Healthy;
    int port;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddHealthChecks()
            .AddCheck("process", () => new HealthCheckResult(live), [HealthEndpoints.Live])
            .AddCheck("dependencies", () => new HealthCheckResult(ready), [HealthEndpoints.Ready]);
        app = builder.Build();
        app.MapHealthEndpoints();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        port = new Uri(address).Port;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [MemberData(nameof(NewsPlatformService.Names), MemberType = typeof(NewsPlatformService))]
    public async Task The_image_health_check_passes_while_the_process_is_live_and_fails_when_it_is_not(string name)
    {
        var dockerfile = NewsPlatformService.Named(name).Dockerfile;
        var command = ImageHealthCheck(dockerfile);

        ready = HealthStatus.Unhealthy; // liveness ignores dependencies: a broker outage must not restart the process
        Assert.Equal(0, await RunAsync(command, port.ToString()));

        live = HealthStatus.Unhealthy;
        Assert.NotEqual(0, await RunAsync(command, port.ToString()));
    }

    [Fact]
    public async Task The_compose_readiness_check_fails_until_the_dependencies_answer()
    {
        var test = ComposeFile.Resolved.Service("authoring")["healthcheck"]["test"].Items.Select(i => i.RequiredText).ToArray();
        Assert.Equal("CMD", test[0]);
        // Compose runs it inside the container on 8080; here the same command asks the test server's port.
        var command = test[1..].Select(a => a.Replace("/127.0.0.1/8080", $"/127.0.0.1/{port}")).ToArray();

        ready = HealthStatus.Unhealthy;
        Assert.NotEqual(0, await RunAsync(command, "8080"));

        ready = HealthStatus.Healthy;
        Assert.Equal(0, await RunAsync(command, "8080"));
    }

    [Fact]
    public async Task The_image_health_check_fails_when_nothing_listens()
    {
        var command = ImageHealthCheck(NewsPlatformService.Named("gateway").Dockerfile);
        var closedPort = port;
        await app.StopAsync();

        Assert.NotEqual(0, await RunAsync(command, closedPort.ToString()));
    }

    static string[] ImageHealthCheck(Dockerfile dockerfile)
    {
        var healthcheck = dockerfile.InStage(dockerfile.FinalStage).Single(i => i.Keyword == "HEALTHCHECK").Arguments;
        var exec = healthcheck[(healthcheck.IndexOf("CMD [", StringComparison.Ordinal) + 4)..];
        return new Dockerfile.Instruction("CMD", exec, 0).ExecForm!.ToArray();
    }

    static async Task<int> RunAsync(string[] command, string httpPorts)
    {
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in command[1..]) start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_HTTP_PORTS"] = httpPorts;
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }
}
