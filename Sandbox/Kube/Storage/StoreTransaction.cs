using System.Globalization;
using System.Text.Json.Nodes;

namespace Ccm.Sandbox.Kube.Storage;

/// <summary>
/// The writes of one request (usually one object; a namespace deletion or a cascade may hold several), made under the
/// store's write lock. Each write takes the next resourceVersion. Nothing is visible to readers or watchers until
/// <see cref="ObjectStore"/> commits; a dry run or a failed request rolls back, undoing allocations too.
/// </summary>
internal sealed class StoreTransaction
{
    private readonly List<StoreEvent> events = [];
    private readonly List<Action> onCommit = [];
    private readonly List<Action> onRollback = [];

    public StoreTransaction(StoreSnapshot snapshot) => Snapshot = snapshot;

    /// <summary>The state as this transaction sees it (including its own writes).</summary>
    public StoreSnapshot Snapshot { get; private set; }

    public IReadOnlyList<StoreEvent> Events => events;

    public IReadOnlyList<Action> CommitActions => onCommit;

    public IReadOnlyList<Action> RollbackActions => onRollback;

    /// <summary>Stores <paramref name="obj"/> as the next version; it becomes an ADDED or MODIFIED event.</summary>
    public StoredObject Put(ResourceType type, JsonObject obj)
    {
        var rv = Snapshot.ResourceVersion + 1;
        StampResourceVersion(obj, rv);
        var stored = StoredObject.From(type, ObjectLayout.Normalize(obj));
        var previous = Snapshot.Of(type).GetValueOrDefault(stored.Key);
        Snapshot = Snapshot.With(rv, type, Snapshot.Of(type).SetItem(stored.Key, stored));
        events.Add(new StoreEvent(rv, previous is null ? StoreEventType.Added : StoreEventType.Modified, stored, previous));
        return stored;
    }

    /// <summary>Removes an object; its final state, stamped with the deletion's resourceVersion, is the DELETED event.</summary>
    public StoredObject Remove(ResourceType type, StoredObject current, JsonObject finalState)
    {
        var rv = Snapshot.ResourceVersion + 1;
        StampResourceVersion(finalState, rv);
        var stored = StoredObject.From(type, ObjectLayout.Normalize(finalState));
        Snapshot = Snapshot.With(rv, type, Snapshot.Of(type).Remove(current.Key));
        events.Add(new StoreEvent(rv, StoreEventType.Deleted, stored, current));
        return stored;
    }

    /// <summary>Runs <paramref name="action"/> only if the transaction commits (e.g. releasing an allocation).</summary>
    public void OnCommit(Action action) => onCommit.Add(action);

    /// <summary>Runs <paramref name="action"/> if the transaction rolls back (e.g. undoing an allocation).</summary>
    public void OnRollback(Action action) => onRollback.Add(action);

    private static void StampResourceVersion(JsonObject obj, long rv) =>
        obj["metadata"]!.AsObject()["resourceVersion"] = rv.ToString(CultureInfo.InvariantCulture);
}
