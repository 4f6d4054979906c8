using System.Diagnostics;

namespace NewsPlatform.TestKit;

/// <summary>
/// A RabbitMQ node of a test's own (Debian's rabbitmq-server, own ports and state), for tests that
/// stop and start the broker without disturbing anything else.
/// </summary>
public sealed class DedicatedRabbitMqNode : IAsyncDisposable
{
    const string Bin = "/usr/lib/rabbitmq/bin";
    readonly string _state;
    readonly Dictionary<string, string> _environment;

    public int Port { get; }
    public string ConnectionString => $"amqp://guest:guest@127.0.0.1:{Port}/";

    DedicatedRabbitMqNode(string state, int port, Dictionary<string, string> environment) =>
        (_state, Port, _environment) = (state, port, environment);

    public static async Task<DedicatedRabbitMqNode> StartAsync()
    {
        var state = Directory.CreateTempSubdirectory("newsplatform-rabbit-").FullName;
        var port = ServiceProcess.FreePort();
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = state,
            ["RABBITMQ_NODENAME"] = $"t{port}@{Environment.MachineName.Split('.')[0]}",
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = port.ToString(),
            ["RABBITMQ_DIST_PORT"] = ServiceProcess.FreePort().ToString(),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(state, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(state, "log"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(state, "enabled_plugins"),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(state, "rabbitmq.conf"),
            ["RABBITMQ_PID_FILE"] = Path.Combine(state, "rabbit.pid"),
        };
        await File.WriteAllTextAsync(Path.Combine(state, "enabled_plugins"), "[].");
        await File.WriteAllTextAsync(Path.Combine(state, "rabbitmq.conf"), $"listeners.tcp.1 = 127.0.0.1:{port}\n");
        var node = new DedicatedRabbitMqNode(state, port, environment);
        await node.RunAsync("rabbitmq-server", "-detached");
        await node.RunAsync("rabbitmqctl", "wait", environment["RABBITMQ_PID_FILE"], "--timeout", "120");
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
