using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using NewsPlatform.Gateway.Tests.Infrastructure;
using NewsPlatform.TestKit;

namespace NewsPlatform.Gateway.Tests.Security;

/// <summary>
/// The real client behind a real proxy: Debian's nginx in front of the gateway process, as an ingress would be.
/// The gateway trusts nginx's address (127.0.0.1) and nothing else; each client connects from an address of its own
/// (127.0.0.x), so rate limits and Authoring's sign-in throttle must tell them apart by X-Forwarded-For.
/// </summary>
public sealed class ClientAddressTests
{
    static Dictionary<string, string?> GatewaySettings(IReadOnlyDictionary<string, Uri> services) => new(
        services.Select(s => KeyValuePair.Create($"ReverseProxy:Clusters:{s.Key}:Destinations:{s.Key}-1:Address", (string?)s.Value.ToString())))
    {
        ["Jwt:SigningKey"] = TestEnvironment.JwtSigningKey,
        ["ForwardedHeaders:TrustedNetworks"] = "127.0.0.1",
        ["Gateway:RateLimits:views:PermitLimit"] = "2",
        ["Gateway:RateLimits:views:Window"] = "00:10:00",
        ["Gateway:Readiness:ServiceDownStatus"] = "Degraded",
    };

    [Fact]
    public async Task Behind_nginx_two_clients_get_separate_rate_limit_buckets_and_services_see_each_client()
    {
        await using var trending = await StandInService.StartAsync("trending");
        await using var gateway = await ServiceProcess.StartAsync("gateway/Gateway", "NewsPlatform.Gateway",
            GatewaySettings(new Dictionary<string, Uri> { ["trending"] = trending.Address }));
        await using var nginx = await NginxProxy.StartAsync(gateway.BaseAddress);
        using var first = LoopbackClient.Create(nginx.Address, "127.0.0.2");
        using var second = LoopbackClient.Create(nginx.Address, "127.0.0.3");

        var firstStatuses = await BeaconsAsync(first, 3);
        var secondStatuses = await BeaconsAsync(second, 2);

        Assert.Equal([200, 200, 429], firstStatuses);
        Assert.Equal([200, 200], secondStatuses);
        Assert.Equal(2, trending.Seen.Count(e => e.ForwardedFor == "127.0.0.2"));
        Assert.Equal(2, trending.Seen.Count(e => e.ForwardedFor == "127.0.0.3"));
    }

    [Fact]
    public async Task A_forged_X_Forwarded_For_from_an_untrusted_client_changes_nothing()
    {
        await using var trending = await StandInService.StartAsync("trending");
        await using var gateway = await ServiceProcess.StartAsync("gateway/Gateway", "NewsPlatform.Gateway",
            GatewaySettings(new Dictionary<string, Uri> { ["trending"] = trending.Address }));
        await using var nginx = await NginxProxy.StartAsync(gateway.BaseAddress);
        using var throughNginx = LoopbackClient.Create(nginx.Address, "127.0.0.4");
        using var direct = LoopbackClient.Create(gateway.BaseAddress, "127.0.0.5");

        // Through nginx, a new made-up address on every request: nginx appends the real one, which the gateway takes.
        var forgedThroughNginx = await BeaconsAsync(throughNginx, 3, i => $"198.51.100.{i + 1}");
        // Straight to the gateway, bypassing nginx, posing as the first client whose bucket is now empty.
        var forgedDirect = await BeaconsAsync(direct, 3, _ => "127.0.0.4");

        Assert.Equal([200, 200, 429], forgedThroughNginx);
        Assert.Equal([200, 200, 429], forgedDirect);
        Assert.Equal(2, trending.Seen.Count(e => e.ForwardedFor == "127.0.0.4"));
        Assert.Equal(2, trending.Seen.Count(e => e.ForwardedFor == "127.0.0.5"));
        Assert.DoesNotContain(trending.Seen, e => e.ForwardedFor!.Contains("198.51.100.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Twenty_failed_sign_ins_from_one_client_do_not_stop_another_editor_signing_in()
    {
        const string email = "chief@newsplatform.test", password = "correct horse battery staple";
        await using var infrastructure = await TestInfrastructure.CreateAsync();
        var settings = infrastructure.Settings();
        settings["Authoring:BootstrapAdmin:Email"] = email;
        settings["Authoring:BootstrapAdmin:Password"] = password;
        settings["Logging:LogLevel:Default"] = "Warning";
        // Authoring believes the gateway, which connects from 127.0.0.1.
        settings["ForwardedHeaders:TrustedNetworks"] = "127.0.0.1";
        await using var authoring = await ServiceProcess.StartAsync("services/Authoring", "NewsPlatform.Authoring", settings);
        var gatewaySettings = GatewaySettings(new Dictionary<string, Uri> { ["authoring"] = authoring.BaseAddress });
        // The gateway's own limit on sign-ins is raised here, so that Authoring's throttle is what is tested.
        gatewaySettings["Gateway:RateLimits:token:PermitLimit"] = "100";
        await using var gateway = await ServiceProcess.StartAsync("gateway/Gateway", "NewsPlatform.Gateway", gatewaySettings);
        await using var nginx = await NginxProxy.StartAsync(gateway.BaseAddress);
        using var attacker = LoopbackClient.Create(nginx.Address, "127.0.0.6");
        using var editor = LoopbackClient.Create(nginx.Address, "127.0.0.7");

        var failures = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            // Different accounts each time, so that only the per-address limit can stop this client.
            using var wrong = await attacker.PostAsJsonAsync("/api/auth/token", new { email = $"guess{i % 4}@newsplatform.test", password = $"wrong-{i}" });
            failures.Add(wrong.StatusCode);
        }
        using var attackersNext = await attacker.PostAsJsonAsync("/api/auth/token", new { email = "guess9@newsplatform.test", password = "wrong" });
        using var editorsSignIn = await editor.PostAsJsonAsync("/api/auth/token", new { email, password });

        Assert.All(failures, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, attackersNext.StatusCode);
        Assert.Equal(HttpStatusCode.OK, editorsSignIn.StatusCode);
    }

    static async Task<List<int>> BeaconsAsync(HttpClient client, int count, Func<int, string>? forwardedFor = null)
    {
        var statuses = new List<int>();
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/trending/views")
            {
                Content = new StringContent("""{"articleId":"x"}""", new MediaTypeHeaderValue("application/json")),
            };
            if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor(i));
            using var response = await client.SendAsync(request);
            statuses.Add((int)response.StatusCode);
        }
        return statuses;
    }
}
