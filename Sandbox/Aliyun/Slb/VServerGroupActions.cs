using System.Collections.Immutable;
using Ccm.Sandbox.Aliyun.Protocol;
using Ccm.Sandbox.Aliyun.State;

namespace Ccm.Sandbox.Aliyun.Slb;

/// <summary>CreateVServerGroup, DeleteVServerGroup, DescribeVServerGroups (no paging) and DescribeVServerGroupAttribute.</summary>
internal static class VServerGroupActions
{
    public static ApiResult Create(ActionContext c)
    {
        c.CheckRegion(required: true);
        var p = c.Parameters;
        var lbId = p.Required("LoadBalancerId");
        var backends = BackendServersParameter.Parse(p, "BackendServers", required: false);
        var group = c.Store.Update(s =>
        {
            SlbLookup.LoadBalancer(s, lbId);
            (var id, s) = s.NextId("rsp");
            var created = new VServerGroup
            {
                VServerGroupId = id, VServerGroupName = p.NonEmpty("VServerGroupName") ?? "", LoadBalancerId = lbId,
                CreateTime = c.Now, Tags = [.. p.Tags().Select(t => new ResourceTag(t.Key, t.Value ?? ""))],
            };
            created = BackendChanges.Apply(s, created, remove: [], add: backends);
            return (s.With(created), created);
        });
        return ApiResult.Of(SlbMapper.GroupBackends(c.RequestId, group), SlbJson.Default.VServerGroupBackendsResponse);
    }

    public static ApiResult Delete(ActionContext c)
    {
        c.CheckRegion(required: true);
        var id = c.Parameters.Required("VServerGroupId");
        c.Store.Update(s =>
        {
            var group = SlbLookup.Group(s, id);
            var lb = SlbLookup.LoadBalancer(s, group.LoadBalancerId);
            if (lb.Listeners.Values.Any(l => l.VServerGroupId == id))
            {
                throw SlbErrors.VServerGroupInUse();
            }

            return s with { VServerGroups = s.VServerGroups.Remove(id) };
        });
        return ApiResult.Of(new RequestIdResponse(c.RequestId), WireJson.Default.RequestIdResponse);
    }

    public static ApiResult Describe(ActionContext c)
    {
        c.CheckRegion(required: true);
        var p = c.Parameters;
        var s = c.Store.Current;
        var lb = SlbLookup.LoadBalancer(s, p.Required("LoadBalancerId"));
        var includeListener = p.Bool("IncludeListener") == true;
        var includeRule = p.Bool("IncludeRule") == true;
        var description = p.NonEmpty("Description");
        var tags = p.Tags();
        var groups = SlbLookup.GroupsOf(s, lb.LoadBalancerId)
            .Where(g => description is null || g.VServerGroupName == description)
            .Where(g => g.Tags.HasAll(tags))
            .Select(g => new VServerGroupItem(g.VServerGroupId, g.VServerGroupName, WireTime.Seconds(g.CreateTime), g.BackendServers.Length,
                includeListener || includeRule ? Associated(lb, g, includeListener) : null, SlbMapper.Tags(g.Tags)))
            .ToList();
        return ApiResult.Of(new DescribeVServerGroupsResponse(c.RequestId, new VServerGroupSet(groups)), SlbJson.Default.DescribeVServerGroupsResponse);
    }

    public static ApiResult DescribeAttribute(ActionContext c)
    {
        c.CheckRegion(required: true);
        var group = SlbLookup.Group(c.Store.Current, c.Parameters.Required("VServerGroupId"));
        return ApiResult.Of(
            new DescribeVServerGroupAttributeResponse(c.RequestId, group.VServerGroupId, group.VServerGroupName, group.LoadBalancerId,
                WireTime.Seconds(group.CreateTime), SlbMapper.Backends(group.BackendServers), SlbMapper.Tags(group.Tags)),
            SlbJson.Default.DescribeVServerGroupAttributeResponse);
    }

    private static AssociatedObjects Associated(LoadBalancer lb, VServerGroup group, bool includeListener) => new(
        new AssociatedListenerSet(includeListener
            ? [.. lb.Listeners.Values.Where(l => l.VServerGroupId == group.VServerGroupId).Select(l => new AssociatedListener(l.ListenerPort, l.ListenerProtocol))]
            : ImmutableArray<AssociatedListener>.Empty),
        new AssociatedRuleSet([]));
}
