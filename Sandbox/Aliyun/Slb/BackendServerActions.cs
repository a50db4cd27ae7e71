using Ccm.Sandbox.Aliyun.Protocol;
using Ccm.Sandbox.Aliyun.State;

namespace Ccm.Sandbox.Aliyun.Slb;

/// <summary>
/// Add/Remove/ModifyVServerGroupBackendServers and SetVServerGroupAttribute. Each answers with the group's backends
/// after the change.
/// </summary>
internal static class BackendServerActions
{
    public static ApiResult Add(ActionContext c)
    {
        var add = BackendServersParameter.Parse(c.Parameters, "BackendServers", required: true);
        return Change(c, (s, g) => BackendChanges.Apply(s, g, remove: [], add: add));
    }

    public static ApiResult Remove(ActionContext c)
    {
        var remove = BackendServersParameter.Parse(c.Parameters, "BackendServers", required: true);
        return Change(c, (s, g) => BackendChanges.Apply(s, g, remove: remove, add: []));
    }

    /// <summary>Replaces <c>OldBackendServers</c> with <c>NewBackendServers</c> in one step.</summary>
    public static ApiResult Modify(ActionContext c)
    {
        var old = BackendServersParameter.Parse(c.Parameters, "OldBackendServers", required: false);
        var added = BackendServersParameter.Parse(c.Parameters, "NewBackendServers", required: false);
        return Change(c, (s, g) => BackendChanges.Apply(s, g, remove: old, add: added));
    }

    /// <summary>Renames the group and/or changes weights and descriptions of existing members.</summary>
    public static ApiResult SetAttribute(ActionContext c)
    {
        var changes = BackendServersParameter.Parse(c.Parameters, "BackendServers", required: false);
        var name = c.Parameters.NonEmpty("VServerGroupName");
        return Change(c, (_, g) => BackendChanges.Update(g, changes) with { VServerGroupName = name ?? g.VServerGroupName }, withName: true);
    }

    private static ApiResult Change(ActionContext c, Func<CloudSnapshot, VServerGroup, VServerGroup> change, bool withName = false)
    {
        c.CheckRegion(required: true);
        var id = c.Parameters.Required("VServerGroupId");
        var group = c.Store.Update(s =>
        {
            var changed = change(s, SlbLookup.Group(s, id));
            return (s.With(changed), changed);
        });
        return ApiResult.Of(SlbMapper.GroupBackends(c.RequestId, group, withName), SlbJson.Default.VServerGroupBackendsResponse);
    }
}
