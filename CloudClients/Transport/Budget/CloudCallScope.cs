namespace Ccm.CloudClients.Transport.Budget;

/// <summary>
/// The ambient priority and caller key of the cloud calls made inside it, and the time those calls spent waiting for
/// client-side permits. Grain code opens one per turn instead of threading parameters through every typed client call:
/// <code>
/// using var scope = CloudCallScope.Begin(CloudCallPriority.Event, "service/default/nginx");
/// await slb.DescribeLoadBalancerAttributeAsync(id, ct);   // queues as Event, round-robin with other keys
/// var work = elapsed - scope.PermitWait;                  // waiting for budget is not work
/// </code>
/// The scope flows with the async context (an <see cref="AsyncLocal{T}"/>, as <c>Activity.Current</c> does), so calls
/// made by awaited methods and by tasks started inside it belong to it. Scopes nest: the innermost decides priority and
/// key, and a wait is counted in it and in every enclosing scope. Outside any scope a call is <see cref="CloudCallPriority.Event"/>
/// with the anonymous key <see cref="AnonymousKey"/>. Dispose on the flow that began it.
/// </summary>
public sealed class CloudCallScope : IDisposable
{
    /// <summary>The key of calls made outside any scope; they share one place in the round-robin.</summary>
    public const string AnonymousKey = "";

    // Ambient by design, like Activity.Current: the value is per async flow, not shared mutable state.
    private static readonly AsyncLocal<CloudCallScope?> CurrentScope = new();

    private readonly Lock gate = new();
    private readonly Dictionary<PermitWaiter, IPermitQueueOwner> queued = [];
    private TimeProvider? clock;
    private TimeSpan waited;
    private long waitingSince;
    private int waiting;

    private CloudCallScope(CloudCallPriority priority, string key, CloudCallScope? parent)
    {
        Priority = priority;
        Key = key;
        Parent = parent;
    }

    /// <summary>The innermost scope of the current async flow, or null outside any scope.</summary>
    public static CloudCallScope? Current => CurrentScope.Value;

    /// <summary>Queue class of the calls inside this scope; <see cref="Escalate"/> raises it to Event.</summary>
    public CloudCallPriority Priority { get; private set; }

    /// <summary>
    /// The caller the budget rotates between within a priority class, e.g. <c>service/default/nginx</c>: one caller with
    /// many calls waits its turn behind other callers instead of starving them. Never used as a metric label.
    /// </summary>
    public string Key { get; }

    /// <summary>The enclosing scope, restored as <see cref="Current"/> on dispose.</summary>
    public CloudCallScope? Parent { get; }

    /// <summary>
    /// Wall time during which at least one call of this scope (or of a scope nested in it) was queued for a client-side
    /// permit, including a wait still in progress. Parallel waits count once, so the value never exceeds the scope's
    /// age and can be subtracted from it to get the time spent working.
    /// </summary>
    public TimeSpan PermitWait
    {
        get
        {
            lock (gate)
            {
                return waiting > 0 && clock is not null ? waited + clock.GetElapsedTime(waitingSince) : waited;
            }
        }
    }

    /// <summary>True while a call of this scope waits for a permit: a watchdog must not count this moment as work.</summary>
    public bool IsWaitingForPermit
    {
        get
        {
            lock (gate)
            {
                return waiting > 0;
            }
        }
    }

    /// <summary>Makes a scope current for this async flow until it is disposed.</summary>
    /// <param name="priority">The queue class of the calls made inside.</param>
    /// <param name="key">The caller, e.g. a grain key; null keeps the enclosing scope's key (or the anonymous one).</param>
    public static CloudCallScope Begin(CloudCallPriority priority, string? key = null)
    {
        var parent = CurrentScope.Value;
        var scope = new CloudCallScope(priority, key ?? parent?.Key ?? AnonymousKey, parent);
        CurrentScope.Value = scope;
        return scope;
    }

    /// <summary>Restores the enclosing scope. Disposing a scope that is not current (out of order) leaves the current one alone.</summary>
    public void Dispose()
    {
        if (ReferenceEquals(CurrentScope.Value, this))
        {
            CurrentScope.Value = Parent;
        }
    }

    /// <summary>
    /// Raises this scope to <see cref="CloudCallPriority.Event"/>: its later calls queue as a change's, and those already
    /// waiting move ahead of every resync's (keeping their caller's place among the Event callers' rotation). A reconcile
    /// that began as a resync and learns while it waits that its object changed (a Service whose endpoints move during a
    /// restart's re-checks) must not finish behind a thousand re-checks before the turn for its change can start.
    /// </summary>
    public void Escalate()
    {
        KeyValuePair<PermitWaiter, IPermitQueueOwner>[] waiting;
        lock (gate)
        {
            if (Priority == CloudCallPriority.Event)
            {
                return;
            }

            Priority = CloudCallPriority.Event;
            waiting = [.. queued];
        }

        foreach (var (waiter, bucket) in waiting)
        {
            bucket.Promote(waiter);
        }
    }

    /// <summary>A call of this scope starts waiting in <paramref name="bucket"/> (a budget or <see cref="CloudCallSlots"/>); <paramref name="time"/> is its clock.</summary>
    internal void EnterWait(TimeProvider time, IPermitQueueOwner bucket, PermitWaiter waiter)
    {
        lock (gate)
        {
            queued[waiter] = bucket;
        }

        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            lock (scope.gate)
            {
                if (scope.waiting++ == 0)
                {
                    scope.clock = time;
                    scope.waitingSince = time.GetTimestamp();
                }
            }
        }
    }

    /// <summary>A call of this scope stopped waiting: granted, cancelled or refused.</summary>
    internal void ExitWait(PermitWaiter waiter)
    {
        lock (gate)
        {
            queued.Remove(waiter);
        }

        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            lock (scope.gate)
            {
                if (--scope.waiting == 0 && scope.clock is not null)
                {
                    scope.waited += scope.clock.GetElapsedTime(scope.waitingSince);
                }
            }
        }
    }

    public override string ToString() => $"CloudCallScope {{ {Priority}, key '{Key}', permit wait {PermitWait} }}";
}
