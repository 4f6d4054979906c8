using System.Net;
using NewsPlatform.TestKit;

namespace NewsPlatform.Backbone.Tests;

/// <summary>
/// A broker that speaks AMQP over TLS only, its certificate issued by a private CA (as a managed or an ops team's
/// broker is): services trust it through <c>Messaging:TlsCaFile</c> and refuse one from any other CA.
/// </summary>
public sealed class BrokerTlsTests : IAsyncLifetime
{
    TestInfrastructure _infrastructure = null!;
    TestCertificateAuthority _ca = null!;
    TestCertificateAuthority _otherCa = null!;
    DedicatedRabbitMqNode _broker = null!;

    public async Task InitializeAsync()
    {
        _infrastructure = await TestInfrastructure.CreateAsync();
        _ca = await TestCertificateAuthority.CreateAsync("NewsPlatform broker CA");
        _otherCa = await TestCertificateAuthority.CreateAsync("Somebody else's CA");
        var (certificate, key) = await _ca.IssueServerAsync("rabbitmq", "DNS:localhost", "IP:127.0.0.1");
        _broker = await DedicatedRabbitMqNode.StartAsync((certificate, key, _ca.CertificateFile));
    }

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        _ca.Dispose();
        _otherCa.Dispose();
        await _infrastructure.DisposeAsync();
    }

    [Fact]
    public async Task Services_reach_each_other_over_amqps_when_told_the_brokers_CA()
    {
        Assert.StartsWith("amqps://", _broker.ConnectionString);
        var tls = new Dictionary<string, string?> { ["Messaging:TlsCaFile"] = _ca.CertificateFile };

        await using var trending = await ServiceProcess.StartAsync("services/Trending", "NewsPlatform.Trending",
            WithBroker(_infrastructure.Settings(), tls));
        await using var consumer = await ProbeProcesses.StartConsumerAsync(_infrastructure, _broker.ConnectionString, tls);
        await using var relay = await ProbeProcesses.StartRelayAsync(_infrastructure, _broker.ConnectionString, tls);

        Assert.Equal(HttpStatusCode.OK, (await trending.Client.GetAsync("/health/ready")).StatusCode);
        await ProbeProcesses.AppendAsync(relay, from: 0, count: 25);
        Assert.Equal(new Applied(25, 1), await ProbeProcesses.WaitForAppliedAsync(_infrastructure, 25, TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public async Task A_broker_certificate_from_another_CA_is_refused_and_the_log_says_why()
    {
        var settings = WithBroker(_infrastructure.Settings(),
            new Dictionary<string, string?> { ["Messaging:TlsCaFile"] = _otherCa.CertificateFile });
        await using var trending = await ServiceProcess.StartAsync("services/Trending", "NewsPlatform.Trending", settings,
            waitUntilReady: false);

        var output = await Eventually.MatchAsync(() => Task.FromResult(trending.Output),
            o => o.Contains("Not connecting to RabbitMQ"), TimeSpan.FromSeconds(60), "the refused certificate in the log");
        Assert.Contains("CN=rabbitmq", output);
        Assert.Contains("issued by 'CN=NewsPlatform broker CA, O=NewsPlatform tests'", output);
        Assert.Contains($"is not issued by the CA in Messaging:TlsCaFile", output);
        Assert.NotEqual(HttpStatusCode.OK, await ReadinessAsync(trending));
    }

    Dictionary<string, string?> WithBroker(Dictionary<string, string?> settings, Dictionary<string, string?> extra)
    {
        settings["ConnectionStrings:RabbitMq"] = _broker.ConnectionString;
        settings["Logging:LogLevel:Default"] = "Warning";
        foreach (var (key, value) in extra) settings[key] = value;
        return settings;
    }

    static async Task<HttpStatusCode?> ReadinessAsync(ServiceProcess service)
    {
        try
        {
            return (await service.Client.GetAsync("/health/ready")).StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;   // not even listening: start-up is waiting for the broker
        }
    }
}
