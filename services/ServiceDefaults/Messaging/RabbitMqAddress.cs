namespace NewsPlatform.ServiceDefaults.Messaging;

/// <summary>
/// The broker address from <c>ConnectionStrings:RabbitMq</c>, written as
/// <c>amqp://user:password@host:port/vhost</c> (vhost defaults to "/").
/// </summary>
public sealed record RabbitMqAddress(string Host, ushort Port, string VirtualHost, string Username, string Password)
{
    public static RabbitMqAddress Parse(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "rabbitmq"))
            throw new InvalidOperationException(
                "NewsPlatform cannot start: 'ConnectionStrings:RabbitMq' must look like amqp://user:password@host:5672/vhost.");

        var credentials = uri.UserInfo.Split(':', 2);
        var vhost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        return new RabbitMqAddress(
            uri.Host,
            (ushort)(uri.IsDefaultPort || uri.Port < 0 ? 5672 : uri.Port),
            vhost.Length == 0 ? "/" : vhost,
            Uri.UnescapeDataString(credentials.ElementAtOrDefault(0) is { Length: > 0 } u ? u : "guest"),
            Uri.UnescapeDataString(credentials.ElementAtOrDefault(1) ?? "guest"));
    }
}
