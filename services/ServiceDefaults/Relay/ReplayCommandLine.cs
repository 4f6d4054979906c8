using System.Globalization;
using System.Reflection;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using NewsPlatform.ServiceDefaults.Hosting;

namespace NewsPlatform.ServiceDefaults.Relay;

/// <summary>
/// <c>replay --to QUEUE [--from-time ISO-8601 | --from-position N]</c>: sends the service's relayed events to one queue
/// (see <see cref="ReplayRunner"/>), with a progress bar, then exits: 0 when every event was sent, 1 when the replay
/// failed (it says from which position to go on), 2 on a usage error or an unknown queue. It runs instead of the host,
/// alongside the running service, and needs its PostgreSQL, RabbitMQ and RabbitMQ's management API.
/// </summary>
public static class ReplayCommandLine
{
    public const string Command = "replay";
    const string Usage = "usage: replay --to QUEUE [--from-time 2025-01-14T00:00:00Z | --from-position N]";

    /// <summary>Runs the command and ends the process when the entry assembly was started as <c>replay ...</c>.</summary>
    public static void RunIfRequested(IServiceProvider services, Assembly host)
    {
        // Only the service's executable itself takes commands (not a test host that loads its assembly).
        if (Assembly.GetEntryAssembly() != host) return;
        var args = Environment.GetCommandLineArgs().Skip(1).ToList();
        if (args.FirstOrDefault() != Command) return;

        var exitCode = RunAsync(services, args.Skip(1).ToList(), Console.Out, !Console.IsOutputRedirected).GetAwaiter().GetResult();
        Console.Out.Flush();
        Environment.Exit(exitCode);
    }

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, bool interactive)
    {
        if (Parse(args) is not { } request)
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }

        var bus = services.GetRequiredService<IBusControl>();
        try
        {
            // The host's start-up would create the schema and start the bus, but this runs instead of that.
            await services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            var runner = services.GetRequiredService<ReplayRunner>();
            var (run, errors) = await runner.PlanAsync(request, $"command line ({Environment.UserName})", CancellationToken.None);
            if (run is null)
            {
                foreach (var (field, messages) in errors)
                    foreach (var message in messages)
                        await output.WriteLineAsync($"error: --{Option(field)}: {message}");
                return 2;
            }

            await output.WriteLineAsync(
                $"replay {run.Id}: {run.EventsTotal:N0} relayed event(s), positions {run.FromPosition}..{run.ToPosition}, to queue {run.Queue}");
            await output.WriteLineAsync($"  its bindings: {string.Join(", ", run.Exchanges)}");
            using var start = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await bus.StartAsync(start.Token);
            var progress = new CommandLineProgress(output, interactive);
            var done = await runner.RunAsync(run, r =>
            {
                if (r.State == RunState.Running)
                    progress.Report(r.EventsTotal == 0 ? 1 : (double)r.EventsRead / r.EventsTotal,
                        $"{r.EventsRead:N0}/{r.EventsTotal:N0} events, {r.Sent:N0} sent, {r.EventsPerSecond:N0} events/s");
            }, CancellationToken.None);
            progress.Finish();

            if (done.State != RunState.Succeeded)
            {
                await output.WriteLineAsync($"error: {done.Error}");
                return 1;
            }
            var types = done.SentByType.Count == 0 ? "nothing this queue receives" : string.Join(", ", done.SentByType.Select(t => $"{t.Value:N0} {t.Key}"));
            await output.WriteLineAsync($"done: {done.Sent:N0} message(s) sent to {done.Queue} from {done.EventsRead:N0} event(s) ({types})");
            return 0;
        }
        catch (Exception e)
        {
            // Database, broker or configuration trouble: say so once, plainly, not as a stack trace.
            await output.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }
    }

    static ReplayRequest? Parse(IReadOnlyList<string> args)
    {
        string? to = null;
        DateTimeOffset? fromTime = null;
        long? fromPosition = null;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--to" when value is not null:
                    to = value;
                    break;
                case "--from-time" when DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at):
                    fromTime = at;
                    break;
                case "--from-position" when long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var position):
                    fromPosition = position;
                    break;
                default:
                    return null;
            }
            i++;
        }
        return to is null ? null : new ReplayRequest(to, fromTime, fromPosition);
    }

    static string Option(string field) => field switch
    {
        "fromTime" => "from-time",
        "fromPosition" => "from-position",
        _ => field,
    };
}
