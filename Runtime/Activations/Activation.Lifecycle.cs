using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ccm.Runtime;

/// <summary>Creating and ending the grain instance; stopping with a shard; idle collection.</summary>
internal sealed partial class Activation
{
    private readonly List<GrainTimer> timers = [];
    private Grain? grain;
    private AsyncServiceScope? scope;
    private CancellationTokenSource lifetime = new();
    private bool deactivateRequested;
    private DateTimeOffset lastActivity;

    /// <summary>
    /// Ends this entry with its shard (or the silo). Graceful: queued calls still run and the current turn finishes;
    /// queued reconciles, timer ticks and reminder ticks are dropped, because the next owner reconciles every grain
    /// of a shard it acquires. Forced (the Lease was lost): queued calls fail too and the running turn's token fires.
    /// Completes when the entry has retired.
    /// </summary>
    public Task StopAsync(DeactivationReason reason, bool force)
    {
        var dropped = new List<WorkItem>();
        List<GrainTimer> ownTimers;
        CancellationTokenSource? cancel = null;
        lock (gate)
        {
            if (isRetired)
            {
                return Task.CompletedTask;
            }

            stopping = true;
            reconcile?.Clear();
            ownTimers = [.. timers];
            timers.Clear();
            var kept = queue.Where(i => i is DeactivateWorkItem || (!force && i.Kind == TurnKind.Call)).ToList();
            dropped.AddRange(queue.Except(kept));
            queue.Clear();
            kept.ForEach(queue.Enqueue);
            if (force)
            {
                cancel = lifetime;
            }

            Enqueue(new DeactivateWorkItem(reason));
        }

        ownTimers.ForEach(t => t.Dispose());
        var why = new ShardNotOwnedException(Id, Shard, Runtime.SiloName);
        dropped.ForEach(i => i.Drop(why));
        cancel?.Cancel();
        return retired.Task;
    }

    /// <summary>
    /// Queues deactivation when the grain has had no turn for <paramref name="idleTimeout"/> and nothing is pending
    /// (no queued turn, retry, requeue or timer); retires an entry that holds no grain and no work.
    /// </summary>
    public void CollectIfIdle(DateTimeOffset now, TimeSpan idleTimeout)
    {
        lock (gate)
        {
            if (isRetired || loopRunning || HasPendingWork)
            {
                return;
            }

            if (grain is null)
            {
                Retire();
            }
            else if (now - lastActivity >= idleTimeout)
            {
                Enqueue(new DeactivateWorkItem(DeactivationReason.ActivationIdle));
            }
        }
    }

    private async Task<Exception?> ActivateAsync()
    {
        var newScope = Runtime.Services.CreateAsyncScope();
        try
        {
            var instance = (Grain)ActivatorUtilities.CreateInstance(newScope.ServiceProvider, Type.Implementation);
            instance.Attach(this);
            lock (gate)
            {
                grain = instance;
                scope = newScope;
            }

            var timeout = Runtime.Options.ActivationTimeout;
            using var deadline = new TurnDeadline(Runtime.Time, timeout, lifetime.Token);
            await instance.OnActivateAsync(deadline.Token).WaitAsync(timeout, Runtime.Time);
            Runtime.Counters.Activated();
            return null;
        }
        catch (Exception ex)
        {
            // Never made callable (Orleans): drop the instance, so the next item tries a fresh one.
            await EndInstanceAsync();
            Runtime.Logger.LogDebug(ex, "Grain {GrainId} failed to activate", Id);
            return new GrainActivationException(Id, ex);
        }
    }

    private async Task DeactivateAsync(DeactivationReason reason)
    {
        Grain? instance;
        lock (gate)
        {
            instance = grain;
            deactivateRequested = false;
        }

        if (instance is null)
        {
            return;
        }

        var timeout = Runtime.Options.DeactivationTimeout;
        try
        {
            using var deadline = new TurnDeadline(Runtime.Time, timeout, CancellationToken.None);
            await instance.OnDeactivateAsync(reason, deadline.Token).WaitAsync(timeout, Runtime.Time);
        }
        catch (Exception ex)
        {
            Runtime.Logger.LogWarning(ex, "Grain {GrainId}: OnDeactivateAsync ({Reason}) failed", Id, reason);
        }

        await EndInstanceAsync();
        Runtime.Counters.Deactivated();
        Runtime.Logger.LogDebug("Deactivated grain {GrainId} ({Reason})", Id, reason);
    }

    /// <summary>Drops the instance: its timers stop, its scope is disposed, its turns' token fires.</summary>
    private async Task EndInstanceAsync()
    {
        List<GrainTimer> ownTimers;
        AsyncServiceScope? ownScope;
        CancellationTokenSource ended;
        lock (gate)
        {
            ownTimers = [.. timers];
            timers.Clear();
            ownScope = scope;
            grain = null;
            scope = null;
            ended = lifetime;
            lifetime = new CancellationTokenSource();
        }

        ownTimers.ForEach(t => t.Dispose());
        ended.Cancel();
        if (ownScope is { } s)
        {
            try
            {
                await s.DisposeAsync();
            }
            catch (Exception ex)
            {
                Runtime.Logger.LogWarning(ex, "Grain {GrainId}: disposing its services failed", Id);
            }
        }
    }
}
