using JasperFx.Events;
using Microsoft.Extensions.Logging;

namespace NewsPlatform.ServiceDefaults.Relay;

/// <summary>
/// Hands a page of relayed events' messages to the broker and returns once it has confirmed every one: all are sent at
/// once, each attempt within <see cref="AttemptTimeout"/>, and what failed is sent again after a backoff that doubles
/// from 100 ms to 5 s. The relay retries for as long as the broker is away (it pauses and resumes by itself); a replay
/// gives up after a few attempts so that its run fails, says why, and can be resumed.
/// </summary>
public static class ConfirmedDelivery
{
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);
    static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(100);
    static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    /// <summary>One publish or send of an event's message, confirmed by the broker when the task completes.</summary>
    public delegate Task Deliver(IEvent e, object message, CancellationToken cancellationToken);

    /// <param name="who">Names the sender in the log ("Relay", "Replay").</param>
    /// <param name="maxAttempts">Rounds before giving up with an <see cref="InvalidOperationException"/>; null: never.</param>
    /// <param name="delivered">Called after each round with how many messages it delivered.</param>
    /// <param name="failedRound">Called after each round that left messages undelivered.</param>
    public static async Task DeliverAllAsync(
        IReadOnlyList<(IEvent Event, object Message)> page, Deliver deliver, string who, ILogger logger, CancellationToken cancellationToken,
        int? maxAttempts = null, Action<int>? delivered = null, Action? failedRound = null)
    {
        var pending = page;
        var backoff = FirstBackoff;
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            var results = await Task.WhenAll(pending.Select(async item => (item, error: await TryAsync(deliver, item.Event, item.Message, cancellationToken))));
            pending = results.Where(r => r.error is not null).Select(r => r.item).ToList();
            if (results.Length - pending.Count is > 0 and var count) delivered?.Invoke(count);
            if (pending.Count == 0) return;

            failedRound?.Invoke();
            var firstError = results.First(r => r.error is not null).error!;
            if (attempt == maxAttempts)
                throw new InvalidOperationException(
                    $"The broker did not confirm {pending.Count} message(s) after {attempt} attempts ({firstError.Message}).");
            logger.LogWarning("{Who} could not send {Count} message(s) ({Error}); retrying in {Backoff}", who, pending.Count, firstError.Message, backoff);
            await Task.Delay(backoff, cancellationToken);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }

    static async Task<Exception?> TryAsync(Deliver deliver, IEvent e, object message, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(AttemptTimeout);
        try
        {
            await deliver(e, message, timeout.Token);
            return null;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return ex;
        }
    }
}
