using NewsPlatform.TestKit;

namespace NewsPlatform.Benchmarks.ReaderFeed;

/// <summary>
/// The through-gateway figure: starts the gateway (gateway/Gateway, built in Release, its own routes and output
/// cache) in front of the benchmark's ReaderFeed instance, configured the way deploy/local/up.sh does (the
/// <c>readerfeed</c> cluster's destination). The other services are not running, so their being down only
/// degrades the gateway's readiness. Returns null with the reason when the gateway is not built or does not
/// route the article page to ReaderFeed.
/// </summary>
public static class GatewayHook
{
    public static async Task<(ServiceProcess? Gateway, string? Problem)> StartAsync(
        IReadOnlyDictionary<string, string?> infrastructure, Uri readerFeed, string articlePath, string expectedText)
    {
        try
        {
            ProjectOutput.Assembly("gateway/Gateway", "NewsPlatform.Gateway");
        }
        catch (FileNotFoundException)
        {
            return (null, "the gateway is not built in Release on this branch");
        }

        var settings = new Dictionary<string, string?>(infrastructure)
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["ReverseProxy:Clusters:readerfeed:Destinations:readerfeed-1:Address"] = readerFeed.ToString().TrimEnd('/') + "/",
            ["Gateway:Readiness:ServiceDownStatus"] = "Degraded",
        };
        ServiceProcess gateway;
        try
        {
            gateway = await ServiceProcess.StartAsync("gateway/Gateway", "NewsPlatform.Gateway", settings);
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            return (null, "the gateway did not start: " + ex.Message.Split('\n')[0]);
        }

        var response = await gateway.Client.GetAsync(articlePath);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || !body.Contains(expectedText, StringComparison.Ordinal))
        {
            await gateway.DisposeAsync();
            return (null, $"the gateway answered {(int)response.StatusCode} for {articlePath} instead of ReaderFeed's page");
        }
        return (gateway, null);
    }
}
