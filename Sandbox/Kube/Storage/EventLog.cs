namespace Ccm.Sandbox.Kube.Storage;

/// <summary>
/// The watch history and fan-out point: a bounded ring of the most recent events (like etcd's retained revisions),
/// indexed by resourceVersion. The single writer (the store, under its lock) appends and pulses; every watcher reads
/// at its own pace from its own cursor, so a slow watcher never holds a writer up. A watcher that falls out of the
/// window, or starts before it, gets 410 Expired and relists, exactly as against a real API server.
/// </summary>
internal sealed class EventLog : IDisposable
{
    private readonly StoreEvent?[] ring;
    private long head;
    private long compactedThrough;
    private long restarts;
    private TaskCompletionSource pulse = NewPulse();
    private CancellationTokenSource closeAll = new();

    public EventLog(int capacity, long initialResourceVersion)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 16);
        ring = new StoreEvent?[capacity];
        head = initialResourceVersion;
        compactedThrough = initialResourceVersion;
    }

    /// <summary>The resourceVersion of the newest event.</summary>
    public long Head => Volatile.Read(ref head);

    /// <summary>The oldest resourceVersion a watch may start from (events after it are all retained).</summary>
    public long OldestWatchable => Math.Max(Volatile.Read(ref compactedThrough), Head - ring.Length);

    /// <summary>How many times the log started over (<see cref="Restart"/>); a follower that sees it change resyncs.</summary>
    public long Restarts => Interlocked.Read(ref restarts);

    /// <summary>Cancelled when every open watch must end (the fault hook); watches link to it when they start.</summary>
    public CancellationToken ClosingToken => Volatile.Read(ref closeAll).Token;

    /// <summary>Appends one event; only ever called by the store's single writer, in resourceVersion order.</summary>
    public void Append(StoreEvent e)
    {
        ring[e.ResourceVersion % ring.Length] = e;
        Volatile.Write(ref head, e.ResourceVersion);
        Interlocked.Exchange(ref pulse, NewPulse()).TrySetResult();
    }

    public bool CanWatchFrom(long resourceVersion) => resourceVersion >= OldestWatchable;

    /// <summary>Fault hook: refuse a watch from an expired version with HTTP 410 instead of an ERROR event.</summary>
    public bool ExpiredWatchAsHttpStatus { get; set; }

    /// <summary>Reads the event at <paramref name="resourceVersion"/>; <c>Expired</c> when it has been overwritten or compacted.</summary>
    public EventRead TryRead(long resourceVersion, out StoreEvent? e)
    {
        e = null;
        if (resourceVersion > Head)
        {
            return EventRead.NotYet;
        }

        if (resourceVersion <= Volatile.Read(ref compactedThrough))
        {
            return EventRead.Expired;
        }

        e = Volatile.Read(ref ring[resourceVersion % ring.Length]);
        return e is not null && e.ResourceVersion == resourceVersion ? EventRead.Found : EventRead.Expired;
    }

    /// <summary>
    /// Completes when an event newer than <paramref name="resourceVersion"/> exists, the log restarted since the caller
    /// saw <paramref name="restartsSeen"/> restarts (when given), the timeout passes or the token is cancelled; never
    /// throws (the caller looks at the log and its token afterwards).
    /// </summary>
    public async Task WaitAsync(long resourceVersion, TimeSpan timeout, CancellationToken cancellationToken, long? restartsSeen = null)
    {
        var next = Volatile.Read(ref pulse).Task; // read before checking Head, so an append in between is never missed
        if (Head > resourceVersion || (restartsSeen is { } seen && seen != Restarts) || cancellationToken.IsCancellationRequested)
        {
            return;
        }

        await next.WaitAsync(timeout, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Forgets all history up to the newest event: a watch or continue token from before now gets 410.</summary>
    public void Compact() => Volatile.Write(ref compactedThrough, Head);

    /// <summary>
    /// Starts over at <paramref name="resourceVersion"/>, which may be lower than <see cref="Head"/> (etcd restored or
    /// replaced): every event is forgotten and nothing before the new start can be watched. <paramref name="publish"/>
    /// publishes the matching snapshot before <see cref="Restarts"/> changes, so a follower that sees the change and
    /// resyncs reads the new state; then waiters wake up. Only ever called by the store's single writer.
    /// </summary>
    public void Restart(long resourceVersion, Action publish)
    {
        Array.Clear(ring);
        Volatile.Write(ref compactedThrough, resourceVersion);
        Volatile.Write(ref head, resourceVersion);
        publish();
        Interlocked.Increment(ref restarts);
        Interlocked.Exchange(ref pulse, NewPulse()).TrySetResult();
    }

    /// <summary>Ends every open watch (they see their stream close, as when an API server restarts).</summary>
    public void CloseAllWatches()
    {
        // Not disposed: a watch that read the token just before the swap may still be linking to it.
        Interlocked.Exchange(ref closeAll, new CancellationTokenSource()).Cancel();
    }

    /// <summary>Ends every watch for good (the emulator is stopping).</summary>
    public void Dispose()
    {
        var last = Volatile.Read(ref closeAll);
        last.Cancel();
        last.Dispose();
    }

    private static TaskCompletionSource NewPulse() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

internal enum EventRead
{
    Found,
    NotYet,
    Expired,
}
