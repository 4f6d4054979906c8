using System.Net;
using NewsPlatform.Gateway.Tests.Infrastructure;
using NewsPlatform.TestKit;

namespace NewsPlatform.Gateway.Tests.Configuration;

/// <summary>The gateway as the stack runs it: its own process, services' addresses from environment variables.</summary>
public sealed class GatewayProcessTests
{
    [Fact]
    public async Task Environment_variables_point_the_gateway_at_its_services()
    {
        var services = new List<StandInService>();
        try
        {
            var settings = new Dictionary<string, string?> { ["Jwt:SigningKey"] = TestEnvironment.JwtSigningKey };
            foreach (var name in GatewayStack.Services)
            {
                var service = await StandInService.StartAsync(name);
                services.Add(service);
                settings[$"ReverseProxy:Clusters:{name}:Destinations:{name}-1:Address"] = service.Address.ToString();
            }

            await using var gateway = await ServiceProcess.StartAsync("gateway/Gateway", "NewsPlatform.Gateway", settings);
            using var page = await gateway.Client.GetAsync("/news/klimaet-er-til-debat");
            using var beacon = await gateway.Client.PostAsync("/api/trending/views", new StringContent("{}"));

            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("/news/klimaet-er-til-debat", (await Echo.ReadAsync(page)).Path);
            Assert.Empty(page.Headers.Server);
            Assert.True(page.Headers.Contains("Content-Security-Policy"));
            Assert.Equal("trending", (await Echo.ReadAsync(beacon)).Service);
        }
        finally
        {
            foreach (var service in services) await service.DisposeAsync();
        }
    }
}
