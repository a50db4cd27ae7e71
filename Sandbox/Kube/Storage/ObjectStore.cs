namespace Ccm.Sandbox.Kube.Storage;

/// <summary>
/// The emulator's etcd: one monotonic resourceVersion across all kinds, immutable snapshots for lock-free reads, and a
/// single writer at a time. Writes are in-memory and short (a patch and a serialisation), so one lock keeps commits,
/// allocations and the event order trivially consistent without making readers or watchers wait.
/// </summary>
internal sealed class ObjectStore
{
    private readonly Lock writeLock = new();
    private readonly long initialResourceVersion;
    private StoreSnapshot snapshot;

    public ObjectStore(int historyCapacity, long initialResourceVersion = 1000)
    {
        // Versions start well above 0 so that "0" (any version) and small numbers never name a real state.
        this.initialResourceVersion = initialResourceVersion;
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

    /// <summary>
    /// Starts over as an API server whose etcd lost its data and got back what <paramref name="keep"/> accepts (a restore
    /// from a backup): the kept objects are written in one transaction at the first version a new store would use, so
    /// every resourceVersion is back to where a fresh store starts; the history is gone. <paramref name="repair"/> runs
    /// under the write lock with the restored state (allocations are rebuilt from it).
    /// </summary>
    public StoreSnapshot Restart(Func<StoredObject, bool> keep, Action<StoreSnapshot> repair)
    {
        lock (writeLock)
        {
            var restoredAt = initialResourceVersion + 1;
            var restored = StoreSnapshot.Empty(initialResourceVersion);
            foreach (var (type, objects) in snapshot.Collections)
            {
                var kept = objects.Values.Where(keep).Select(o => Restamp(o, restoredAt)).ToList();
                if (kept.Count > 0)
                {
                    restored = restored.With(restoredAt, type, restored.Of(type).SetItems(kept.Select(o => KeyValuePair.Create(o.Key, o))));
                }
            }

            repair(restored);
            Events.Restart(restored.ResourceVersion, () => Volatile.Write(ref snapshot, restored));
            return restored;
        }
    }

    private static StoredObject Restamp(StoredObject obj, long resourceVersion)
    {
        var json = obj.ToJsonObject();
        json["metadata"]!["resourceVersion"] = resourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return StoredObject.From(obj.Type, json);
    }

    private static void RollBack(StoreTransaction tx)
    {
        for (var i = tx.RollbackActions.Count - 1; i >= 0; i--)
        {
            tx.RollbackActions[i]();
        }
    }
}
