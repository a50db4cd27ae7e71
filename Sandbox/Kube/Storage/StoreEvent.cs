namespace Ccm.Sandbox.Kube.Storage;

internal enum StoreEventType
{
    Added,
    Modified,
    Deleted,
}

/// <summary>
/// One committed change. Every write gets its own resourceVersion, so the event log is indexed by it. The previous
/// version travels along so that a selector watch can tell when an object stops (or starts) matching.
/// </summary>
internal sealed record StoreEvent(long ResourceVersion, StoreEventType Type, StoredObject Object, StoredObject? Previous);
