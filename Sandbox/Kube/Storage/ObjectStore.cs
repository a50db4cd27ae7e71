namespace Ccm.Sandbox.Kube.Storage;

/// <summary>
/// The emulator's etcd: one monotonic resourceVersion across all kinds, immutable snapshots for lock-free reads, and a
/// single writer at a time. Writes are in-memory and short (a patch and a serialisation), so one lock keeps commits,
/// allocations and the event order trivially consistent without making readers or watchers wait.
/// </summary>
internal sealed class ObjectStore
{
    private readonly Lock writeLock = new();
    private StoreSnapshot snapshot;

    public ObjectStore(int historyCapacity, long initialResourceVersion = 1000)
    {
        // Versions start well above 0 so that "0" (any version) and small numbers never name a real state.
        snapshot = StoreSnapshot.Empty(initialResourceVersion);
        Events = new EventLog(historyCapacity, initialResourceVersion);
    }

    public StoreSnapshot Snapshot => Volatile.Read(ref snapshot);

    public EventLog Events { get; }

    /// <summary>
    /// Runs <paramref name="body"/> as one transaction. It commits when the body returns and <paramref name="dryRun"/>
    /// is false; it rolls back when the body throws or on a dry run.
    /// </summary>
    public T Write<T>(Func<StoreTransaction, T> body, bool dryRun = false)
    {
        lock (writeLock)
        {
            var tx = new StoreTransaction(snapshot);
            T result;
            try
            {
                result = body(tx);
            }
            catch
            {
                RollBack(tx);
                throw;
            }

            if (dryRun)
            {
                RollBack(tx);
                return result;
            }

            foreach (var action in tx.CommitActions)
            {
                action();
            }

            // Events first, then the snapshot: whoever sees a snapshot finds every event up to its version in the
            // log, which is what reading a list at an older version (undoing newer events) relies on.
            foreach (var e in tx.Events)
            {
                Events.Append(e);
            }

            if (tx.Events.Count > 0)
            {
                Volatile.Write(ref snapshot, tx.Snapshot);
            }

            return result;
        }
    }

    private static void RollBack(StoreTransaction tx)
    {
        for (var i = tx.RollbackActions.Count - 1; i >= 0; i--)
        {
            tx.RollbackActions[i]();
        }
    }
}
