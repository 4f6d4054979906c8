using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Serialization;
using NewsPlatform.ServiceDefaults.Messaging;

namespace NewsPlatform.ServiceDefaults.Relay;

/// <summary>A queue that exists, and the exchanges whose messages reach it: what a replay may send there.</summary>
public sealed record ReplayTarget(string Queue, IReadOnlySet<string> Exchanges);

/// <summary>
/// Reads from RabbitMQ's management API whether a queue exists and which exchanges feed it (its bindings,
/// followed upstream through exchange-to-exchange bindings, the way MassTransit binds a message type's exchange
/// to the consumer's). The broker's bindings are the truth about what live publishing delivers to a queue, so a
/// replay sends exactly those message types and nothing the consumer would move to its <c>_skipped</c> queue.
/// Address: <c>ConnectionStrings:RabbitMqManagement</c> (<c>http://user:password@host:15672</c>); without it, port
/// 15672 on the AMQP host with the AMQP credentials.
/// </summary>
public sealed class ReplayBroker
{
    public const string ManagementKey = "ConnectionStrings:RabbitMqManagement";
    const int MaxExchangeHops = 8;

    readonly HttpClient _http;
    readonly string _vhost;

    public ReplayBroker(HttpClient http, RabbitMqAddress rabbit, string? management)
    {
        var address = new Uri(management is { Length: > 0 } ? management : $"http://{rabbit.Host}:15672/");
        var credentials = address.UserInfo.Split(':', 2);
        var user = credentials[0] is { Length: > 0 } u ? Uri.UnescapeDataString(u) : rabbit.Username;
        var password = credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : rabbit.Password;
        http.BaseAddress = new Uri(address.GetLeftPart(UriPartial.Authority) + "/");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        http.Timeout = TimeSpan.FromSeconds(15);
        _http = http;
        _vhost = Uri.EscapeDataString(rabbit.VirtualHost);
        VirtualHost = rabbit.VirtualHost;
    }

    public string VirtualHost { get; }

    /// <summary>The queue and the exchanges upstream of it, or null when the virtual host has no such queue.</summary>
    /// <exception cref="ReplayBrokerUnavailableException">The management API could not be asked.</exception>
    public async Task<ReplayTarget?> FindAsync(string queue, CancellationToken cancellationToken)
    {
        var path = $"api/queues/{_vhost}/{Uri.EscapeDataString(queue)}";
        // The bindings resource answers [] for a queue that does not exist, so ask for the queue itself first.
        if (await GetAsync<Queue>(path, cancellationToken) is null) return null;
        var bindings = await GetAsync<List<Binding>>(path + "/bindings", cancellationToken) ?? [];

        var exchanges = new HashSet<string>(StringComparer.Ordinal);
        var frontier = bindings.Select(b => b.Source).Where(s => s.Length > 0).ToList(); // "" is the default exchange
        for (var hop = 0; hop < MaxExchangeHops && frontier.Count > 0; hop++)
        {
            var next = new List<string>();
            foreach (var exchange in frontier.Where(exchanges.Add))
            {
                var upstream = await GetAsync<List<Binding>>(
                    $"api/exchanges/{_vhost}/{Uri.EscapeDataString(exchange)}/bindings/destination", cancellationToken) ?? [];
                next.AddRange(upstream.Select(b => b.Source).Where(s => s.Length > 0));
            }
            frontier = next;
        }
        return new ReplayTarget(queue, exchanges);
    }

    async Task<T?> GetAsync<T>(string path, CancellationToken cancellationToken) where T : class
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.GetAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new ReplayBrokerUnavailableException($"RabbitMQ's management API at {_http.BaseAddress} did not answer ({e.Message}).", e);
        }
        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NotFound) return null;
            if (!response.IsSuccessStatusCode)
                throw new ReplayBrokerUnavailableException(
                    $"RabbitMQ's management API at {_http.BaseAddress} answered {(int)response.StatusCode} {response.ReasonPhrase} to {path}.");
            return await response.Content.ReadFromJsonAsync<T>(cancellationToken);
        }
    }

    sealed record Queue([property: JsonPropertyName("name")] string Name);

    sealed record Binding([property: JsonPropertyName("source")] string Source);
}

/// <summary>RabbitMQ's management API, which a replay reads the target queue's bindings from, is unreachable or refused.</summary>
public sealed class ReplayBrokerUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
