using System.Collections.Immutable;

namespace Ccm.Sandbox.Kube.Storage;

/// <summary>
/// Reads a kind's objects as they were at an older resourceVersion, by undoing the newer events of that kind (each
/// event carries the version it replaced). That serves exact-version lists and continue tokens consistently for as long
/// as the history window holds the events, and 410 afterwards, like etcd after compaction.
/// </summary>
internal static class StoreHistory
{
    /// <summary>The objects of <paramref name="type"/> at <paramref name="resourceVersion"/>, or null when too old.</summary>
    public static ImmutableSortedDictionary<string, StoredObject>? CollectionAt(
        StoreSnapshot snapshot, EventLog log, ResourceType type, long resourceVersion)
    {
        if (resourceVersion >= snapshot.ResourceVersion)
        {
            return snapshot.Of(type);
        }

        if (!log.CanWatchFrom(resourceVersion))
        {
            return null;
        }

        var items = snapshot.Of(type).ToBuilder();
        for (var rv = snapshot.ResourceVersion; rv > resourceVersion; rv--)
        {
            if (log.TryRead(rv, out var e) != EventRead.Found)
            {
                return null;
            }

            if (!ReferenceEquals(e!.Object.Type, type))
            {
                continue;
            }

            if (e.Type == StoreEventType.Added)
            {
                items.Remove(e.Object.Key);
            }
            else
            {
                items[e.Object.Key] = e.Previous!;
            }
        }

        return items.ToImmutable();
    }
}
