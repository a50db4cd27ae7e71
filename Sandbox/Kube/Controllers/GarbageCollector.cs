using Ccm.Sandbox.Kube.Storage;

namespace Ccm.Sandbox.Kube.Controllers;

/// <summary>
/// Background cascading deletion: when an object is deleted, the objects that named it in <c>ownerReferences</c> and
/// have no other live owner are deleted too (pods of a Deployment, slices of a Service). Only actual owner deletions
/// trigger it; an owner reference that never pointed at anything is left alone.
/// </summary>
internal sealed class GarbageCollector(ControllerApi api) : IController
{
    private readonly HashSet<string> live = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<(ResourceType Type, string Key)>> dependents = new(StringComparer.Ordinal);
    private readonly Dictionary<(ResourceType Type, string Key), IReadOnlyList<string>> owners = [];

    public string Name => "garbage-collector";

    public IEnumerable<string> KeysFor(StoreEvent e)
    {
        var obj = e.Object;
        if (e.Type == StoreEventType.Deleted)
        {
            live.Remove(obj.Uid);
            Track(obj.Type, obj.Key, []);
            return dependents.ContainsKey(obj.Uid) ? [obj.Uid] : [];
        }

        live.Add(obj.Uid);
        Track(obj.Type, obj.Key, obj.OwnerUids);
        return [];
    }

    public IEnumerable<string> Resync(StoreSnapshot snapshot)
    {
        live.Clear();
        dependents.Clear();
        owners.Clear();
        foreach (var obj in snapshot.Collections.Values.SelectMany(c => c.Values))
        {
            live.Add(obj.Uid);
            Track(obj.Type, obj.Key, obj.OwnerUids);
        }

        // Owners that went while the collector was not looking.
        return dependents.Keys.Where(uid => !live.Contains(uid)).ToList();
    }

    public void Reconcile(string key)
    {
        if (live.Contains(key) || !dependents.TryGetValue(key, out var dependentsOfOwner))
        {
            return;
        }

        var snapshot = api.Snapshot;
        foreach (var (type, dependentKey) in dependentsOfOwner.ToList())
        {
            var (ns, name) = ControllerApi.Split(type.Namespaced ? dependentKey : "/" + dependentKey);
            var dependent = snapshot.Get(type, ns, name);
            if (dependent is not null && !dependent.Terminating && dependent.OwnerUids.All(uid => !live.Contains(uid)))
            {
                api.Delete(type, ns, name);
            }
        }
    }

    private void Track(ResourceType type, string key, IReadOnlyList<string> ownerUids)
    {
        if (owners.Remove((type, key), out var previous))
        {
            foreach (var uid in previous)
            {
                if (dependents.TryGetValue(uid, out var set) && set.Remove((type, key)) && set.Count == 0)
                {
                    dependents.Remove(uid);
                }
            }
        }

        if (ownerUids.Count == 0)
        {
            return;
        }

        owners[(type, key)] = ownerUids;
        foreach (var uid in ownerUids)
        {
            if (!dependents.TryGetValue(uid, out var set))
            {
                dependents[uid] = set = [];
            }

            set.Add((type, key));
        }
    }
}
