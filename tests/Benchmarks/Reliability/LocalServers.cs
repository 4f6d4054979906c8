using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace NewsPlatform.Benchmarks.Reliability;

/// <summary>Runs a deploy/local script or infra.sh function as an operator would, and returns what it printed.</summary>
static class Shell
{
    public static async Task<string> RunAsync(string root, string script, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("bash", ["-c", script])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"`{script}` failed ({process.ExitCode}): {await output}{await error}");
        return (await output).Trim();
    }

    public static void KillHard(int pid) => Process.GetProcessById(pid).Kill();   // SIGKILL, as kill -9
}

/// <summary>The three-node cluster of deploy/local/rabbit-cluster.sh: its address, management API and node processes.</summary>
sealed class RabbitCluster(string root, Dictionary<string, string> env)
{
    public string ConnectionString => env["NP_CLUSTER_RABBITMQ"];
    public string[] Management => env["NP_CLUSTER_MANAGEMENT"].Split(' ');
    public string[] NodeNames => env["NP_CLUSTER_NODE_NAMES"].Split(' ');
    public (string User, string Password) Credentials => (env["NP_CLUSTER_USER"], env["NP_CLUSTER_PASSWORD"]);

    public static async Task<RabbitCluster> UpAsync(string root, CancellationToken cancellationToken)
    {
        await Shell.RunAsync(root, "deploy/local/rabbit-cluster.sh up", cancellationToken);
        var env = File.ReadAllLines(Path.Combine(root, ".state", "rabbit-cluster", "cluster.env"))
            .Select(l => l["export ".Length..].Split('=', 2))
            .ToDictionary(p => p[0], p => p[1].Trim('\''));
        return new RabbitCluster(root, env);
    }

    public int Pid(int node) => int.Parse(File.ReadAllText(env["NP_CLUSTER_PID_FILES"].Split(' ')[node - 1]).Trim());

    /// <summary>The node (1-3) that leads most of the vhost's quorum queues, and how many it leads of how many.</summary>
    public async Task<(int Node, int Leads, int Queues)> LeaderAsync(string vhost, int liveNode = 1)
    {
        using var http = Http(liveNode);
        using var doc = JsonDocument.Parse(await http.GetStringAsync($"api/queues/{Uri.EscapeDataString(vhost)}"));
        var leaders = doc.RootElement.EnumerateArray()
            .Where(q => q.TryGetProperty("type", out var t) && t.GetString() == "quorum" && q.TryGetProperty("leader", out _))
            .Select(q => q.GetProperty("leader").GetString()!)
            .ToList();
        var top = leaders.GroupBy(l => l).OrderByDescending(g => g.Count()).First();
        return (Array.IndexOf(NodeNames, top.Key) + 1, top.Count(), leaders.Count);
    }

    public Task StartNodeAsync(int node, CancellationToken cancellationToken) =>
        Shell.RunAsync(root, $"deploy/local/rabbit-cluster.sh start-node {node}", cancellationToken);

    HttpClient Http(int node)
    {
        var http = new HttpClient { BaseAddress = new Uri(Management[node - 1] + "/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Credentials.User}:{Credentials.Password}")));
        return http;
    }
}

/// <summary>
/// A PostgreSQL of the benchmark's own (infra.sh's start_postgres on its own port and folder, fsync on), so
/// restarting and killing it disturbs no one else's tests.
/// </summary>
sealed class OwnPostgres(string root, string admin)
{
    const string Env = "export NP_STATE=\"$PWD/.state/reliability\" NP_PG_PORT=${NP_RELIABILITY_PG_PORT:-5445}; . deploy/local/infra.sh; ensure_secrets";

    public string AdminConnection => admin;

    public static async Task<OwnPostgres> StartAsync(string root, CancellationToken cancellationToken)
    {
        var admin = await Shell.RunAsync(root, $"{Env}; start_postgres; postgres_connection postgres", cancellationToken);
        // The role infra.sh creates may create databases; the benchmark's own database is made with it.
        return new OwnPostgres(root, admin.Split('\n')[^1]);
    }

    /// <summary>pg_ctl stop -m fast, then start: what a planned restart (an upgrade, a failover) does.</summary>
    public Task RestartAsync(CancellationToken cancellationToken) =>
        Shell.RunAsync(root, $"{Env}; stop_postgres; start_postgres", cancellationToken);

    /// <summary>kill -9 of the postmaster (its backends end with it); start again after <paramref name="down"/>.</summary>
    public async Task KillAndStartAsync(TimeSpan down, CancellationToken cancellationToken)
    {
        var pid = await Shell.RunAsync(root, $"{Env}; head -n1 \"$(pg_dir)/data/postmaster.pid\"", cancellationToken);
        Shell.KillHard(int.Parse(pid));
        await Task.Delay(down, cancellationToken);
        await Shell.RunAsync(root, $"{Env}; start_postgres", cancellationToken);
    }
}
