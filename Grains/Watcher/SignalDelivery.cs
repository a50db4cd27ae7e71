using System.Collections.Concurrent;
using Ccm.GrainInterfaces;
using Microsoft.Extensions.Logging;

namespace Ccm.Grains.Watcher;

/// <summary>
/// Delivers one signal to its grain, and keeps trying while this silo owns the grain's key. A signal fails to arrive when
/// its grain is active on a silo that has died but is not yet declared dead: Orleans still routes to the dead silo until
/// the membership table says so (seconds to tens of seconds), and then the next attempt activates the grain on its
/// owner. Giving up earlier would lose the change for good: a grain active nowhere has no periodic resync, and a silo
/// that owned the key before and after the death does not count it among the keys it inherited.
/// </summary>
/// <remarks>Retries of one key coalesce as the grain's own signals do: while one is pending, a later signal only raises
/// its kind (a change over a resync), so a flapping silo never piles up deliveries.</remarks>
internal sealed partial class SignalDelivery(Func<GrainSignal, Task> send, Func<GrainSignal, bool> stillMine, Func<bool> stopped, TimeProvider time, ILogger logger)
{
    /// <summary>The wait after each failed attempt: quick at first, then every few seconds until the key is not ours.</summary>
    internal static readonly TimeSpan[] Delays = [TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)];

    /// <summary>After this many failed attempts the wait is logged as a warning (once per signal).</summary>
    internal const int WarnAfter = 8;

    private readonly ConcurrentDictionary<(SignalTarget, string), SignalKind> waiting = new();

    /// <summary>Signals waiting for another attempt.</summary>
    public int Waiting => waiting.Count;

    public async Task DeliverAsync(GrainSignal signal)
    {
        var id = (signal.Target, signal.Key);
        while (waiting.TryGetValue(id, out var had))
        {
            // A delivery of this key waits to try again, and its next attempt starts after this signal's change is in
            // the cache: it carries this signal too (the stronger kind). TryUpdate fails if that attempt just began.
            if (waiting.TryUpdate(id, Max(had, signal.Kind), had))
            {
                return;
            }
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await send(signal);
                if (attempt > 1)
                {
                    LogDelivered(signal.Target, signal.Key, attempt);
                }

                return;
            }
            catch (Exception e) when (!stopped() && e is not OperationCanceledException && stillMine(signal))
            {
                if (attempt == WarnAfter)
                {
                    LogStillFailing(signal.Target, signal.Key, attempt, e.Message);
                }
                else
                {
                    LogRetry(signal.Target, signal.Key, attempt, e.Message);
                }

                waiting.AddOrUpdate(id, signal.Kind, (_, had) => Max(had, signal.Kind));
                await Task.Delay(Delays[Math.Min(attempt, Delays.Length) - 1], time);
                if (waiting.TryRemove(id, out var kind))
                {
                    signal = signal with { Kind = Max(kind, signal.Kind) };
                }
            }
            catch (Exception e)
            {
                if (!stopped() && e is not OperationCanceledException)
                {
                    LogGaveUp(signal.Target, signal.Key, e.Message);
                }

                return;
            }
        }
    }

    private static SignalKind Max(SignalKind a, SignalKind b) => a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Signal to {Target} {Key} did not arrive (attempt {Attempt}: {Error}); trying again")]
    private partial void LogRetry(SignalTarget target, string key, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Signal to {Target} {Key} has not arrived after {Attempts} attempts ({Error}); still trying while this silo owns the key (its grain is probably on a silo not yet declared dead)")]
    private partial void LogStillFailing(SignalTarget target, string key, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Signal to {Target} {Key} arrived at attempt {Attempt}")]
    private partial void LogDelivered(SignalTarget target, string key, int attempt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Signal to {Target} {Key} did not arrive ({Error}); another silo owns the key now and signals it")]
    private partial void LogGaveUp(SignalTarget target, string key, string error);
}
