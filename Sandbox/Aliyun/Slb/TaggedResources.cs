using System.Collections.Immutable;
using Ccm.Sandbox.Aliyun.State;

namespace Ccm.Sandbox.Aliyun.Slb;

/// <summary>Reads and rewrites the tags of SLB resources addressed by TagResources-style type and id.</summary>
internal static class TaggedResources
{
    public sealed record Tagged(string Id, ImmutableArray<ResourceTag> Tags);

    public static IEnumerable<Tagged> All(CloudSnapshot s, string type) => type switch
    {
        "instance" => s.LoadBalancers.Values.Select(lb => new Tagged(lb.LoadBalancerId, lb.Tags)),
        "listener" => s.LoadBalancers.Values.SelectMany(lb => lb.Listeners.Values).Select(l => new Tagged(l.ResourceId, l.Tags)),
        "vservergroup" => s.VServerGroups.Values.Select(g => new Tagged(g.VServerGroupId, g.Tags)),
        // Certificates, ACLs and master-slave groups are not modelled: nothing carries tags.
        _ => [],
    };

    public static CloudSnapshot Retag(CloudSnapshot s, string type, string id, Func<ImmutableArray<ResourceTag>, ImmutableArray<ResourceTag>> change)
    {
        switch (type)
        {
            case "instance":
                var lb = SlbLookup.LoadBalancer(s, id);
                return s.With(lb with { Tags = change(lb.Tags) });
            case "listener":
                var owner = s.LoadBalancers.Values.FirstOrDefault(l => id.StartsWith(l.LoadBalancerId + "_", StringComparison.Ordinal))
                    ?? throw SlbErrors.ResourceNotFound(id);
                var listener = owner.Listeners.Values.FirstOrDefault(l => l.ResourceId == id) ?? throw SlbErrors.ResourceNotFound(id);
                return s.With(owner with { Listeners = owner.Listeners.SetItem(listener.Key, listener with { Tags = change(listener.Tags) }) });
            case "vservergroup":
                var group = s.VServerGroups.GetValueOrDefault(id) ?? throw SlbErrors.ResourceNotFound(id);
                return s.With(group with { Tags = change(group.Tags) });
            default:
                throw SlbErrors.ResourceNotFound(id);
        }
    }
}
