using System.Globalization;

namespace NewsPlatform.ServiceDefaults.Messaging;

/// <summary>One node of the broker: a host name (or address) and its AMQP port.</summary>
public sealed record RabbitMqNode(string Host, ushort Port)
{
    public override string ToString() => Host.Contains(':') ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}

/// <summary>
/// The broker address from <c>ConnectionStrings:RabbitMq</c>, written as
/// <c>amqp://user:password@host:port/vhost</c> (vhost defaults to "/"). A cluster lists its nodes, comma-separated:
/// <c>amqp://user:password@rabbit-0:5672,rabbit-1:5672,rabbit-2:5672/vhost</c>; the client connects to the first
/// that answers and moves to the next when it is lost. <c>amqps://</c> connects over TLS (port 5671 by default).
/// </summary>
public sealed record RabbitMqAddress(IReadOnlyList<RabbitMqNode> Nodes, bool UseTls, string VirtualHost, string Username, string Password)
{
    const string Example = "amqp://user:password@host:5672/vhost (several nodes: host1:5672,host2:5672; TLS: amqps://)";

    /// <summary>The first node, the one the client tries first.</summary>
    public string Host => Nodes[0].Host;

    public ushort Port => Nodes[0].Port;

    public static RabbitMqAddress Parse(string value)
    {
        var schemeEnd = value.IndexOf("://", StringComparison.Ordinal);
        var scheme = schemeEnd > 0 ? value[..schemeEnd].ToLowerInvariant() : "";
        if (scheme is not ("amqp" or "amqps" or "rabbitmq"))
            throw Invalid("it must start with amqp:// or amqps://");
        var useTls = scheme == "amqps";
        var defaultPort = (ushort)(useTls ? 5671 : 5672);

        var rest = value[(schemeEnd + 3)..];
        var query = rest.IndexOf('?');
        if (query >= 0) rest = rest[..query];
        // User names and passwords are percent-encoded, so the authority ends at the first '/' after the last '@'.
        var at = rest.LastIndexOf('@');
        var slash = rest.IndexOf('/', at + 1);
        var userInfo = at >= 0 ? rest[..at] : "";
        var hosts = slash >= 0 ? rest[(at + 1)..slash] : rest[(at + 1)..];
        var vhost = slash >= 0 ? Uri.UnescapeDataString(rest[(slash + 1)..]) : "";

        var nodes = hosts.Split(',', StringSplitOptions.TrimEntries).Select(h => ParseNode(h, defaultPort)).ToList();
        var credentials = userInfo.Split(':', 2);
        return new RabbitMqAddress(
            nodes,
            useTls,
            vhost.Length == 0 ? "/" : vhost,
            Uri.UnescapeDataString(credentials.ElementAtOrDefault(0) is { Length: > 0 } u ? u : "guest"),
            Uri.UnescapeDataString(credentials.ElementAtOrDefault(1) ?? "guest"));
    }

    static RabbitMqNode ParseNode(string node, ushort defaultPort)
    {
        if (node.Length == 0) throw Invalid("a host is missing");
        string host;
        string? port = null;
        if (node.StartsWith('['))
        {
            var close = node.IndexOf(']');
            if (close < 0) throw Invalid($"'{node}' opens an IPv6 address with '[' but does not close it");
            host = node[1..close];
            if (close + 1 < node.Length)
            {
                if (node[close + 1] != ':') throw Invalid($"'{node}' is not host:port");
                port = node[(close + 2)..];
            }
        }
        else
        {
            var colon = node.LastIndexOf(':');
            host = colon >= 0 ? node[..colon] : node;
            port = colon >= 0 ? node[(colon + 1)..] : null;
        }

        if (host.Length == 0 || Uri.CheckHostName(host) == UriHostNameType.Unknown)
            throw Invalid($"'{host}' is not a host name or address");
        if (port is null) return new RabbitMqNode(host, defaultPort);
        if (!ushort.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number == 0)
            throw Invalid($"'{port}' (in '{node}') is not a port number");
        return new RabbitMqNode(host, number);
    }

    static InvalidOperationException Invalid(string what) =>
        new($"NewsPlatform cannot start: 'ConnectionStrings:RabbitMq' is not a broker address: {what}. Write it as {Example}.");
}
