using System.Diagnostics;

namespace NewsPlatform.TestKit;

/// <summary>
/// A RabbitMQ node of a test's own (Debian's rabbitmq-server, own ports and state), for tests that
/// stop and start the broker without disturbing anything else. As on the stack, its one user has a generated
/// password (no <c>guest</c>); with a certificate it listens for AMQP over TLS only.
/// </summary>
public sealed class DedicatedRabbitMqNode : IAsyncDisposable
{
    const string Bin = "/usr/lib/rabbitmq/bin";
    readonly string _state;
    readonly Dictionary<string, string> _environment;

    readonly string _password = Guid.NewGuid().ToString("N");

    public int Port { get; }
    public bool UsesTls { get; }

    /// <summary>The node's address; over TLS by the name <c>localhost</c>, which its certificate must carry.</summary>
    public string ConnectionString => UsesTls
        ? $"amqps://news:{_password}@localhost:{Port}/"
        : $"amqp://news:{_password}@127.0.0.1:{Port}/";

    DedicatedRabbitMqNode(string state, int port, bool usesTls, Dictionary<string, string> environment) =>
        (_state, Port, UsesTls, _environment) = (state, port, usesTls, environment);

    /// <param name="tls">The node's certificate and key (PEM) and the CA that issued them: AMQP over TLS only.</param>
    public static async Task<DedicatedRabbitMqNode> StartAsync((string Certificate, string Key, string Ca)? tls = null)
    {
        var state = Directory.CreateTempSubdirectory("newsplatform-rabbit-").FullName;
        var port = ServiceProcess.FreePort();
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = state,
            ["RABBITMQ_NODENAME"] = $"t{port}@{Environment.MachineName.Split('.')[0]}",
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",
            ["RABBITMQ_NODE_PORT"] = port.ToString(),
            ["RABBITMQ_DIST_PORT"] = ServiceProcess.FreePort().ToString(),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(state, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(state, "log"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(state, "enabled_plugins"),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(state, "rabbitmq.conf"),
            ["RABBITMQ_PID_FILE"] = Path.Combine(state, "rabbit.pid"),
        };
        await File.WriteAllTextAsync(Path.Combine(state, "enabled_plugins"), "[].");
        await File.WriteAllTextAsync(Path.Combine(state, "rabbitmq.conf"), tls is var (certificate, key, ca)
            ? $"""
              listeners.tcp = none
              listeners.ssl.1 = 127.0.0.1:{port}
              ssl_options.cacertfile = {ca}
              ssl_options.certfile = {certificate}
              ssl_options.keyfile = {key}
              ssl_options.verify = verify_none
              ssl_options.fail_if_no_peer_cert = false

              """
            : $"listeners.tcp.1 = 127.0.0.1:{port}\n");
        var node = new DedicatedRabbitMqNode(state, port, tls is not null, environment);
        await node.RunAsync("rabbitmq-server", "-detached");
        await node.RunAsync("rabbitmqctl", "wait", environment["RABBITMQ_PID_FILE"], "--timeout", "120");
        await node.RunAsync("rabbitmqctl", "add_user", "news", node._password);
        await node.RunAsync("rabbitmqctl", "set_permissions", "-p", "/", "news", ".*", ".*", ".*");
        await node.RunAsync("rabbitmqctl", "delete_user", "guest");
        return node;
    }

    /// <summary>Stops the broker application (connections drop, nothing is accepted) but keeps its data.</summary>
    public Task StopBrokerAsync() => RunAsync("rabbitmqctl", "stop_app");

    public Task StartBrokerAsync() => RunAsync("rabbitmqctl", "start_app");

    public async ValueTask DisposeAsync()
    {
        try { await RunAsync("rabbitmqctl", "stop", _environment["RABBITMQ_PID_FILE"]); }
        finally { Directory.Delete(_state, recursive: true); }
    }

    async Task RunAsync(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(Bin, tool), args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in _environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed ({process.ExitCode}): {await output}{await error}");
    }
}
