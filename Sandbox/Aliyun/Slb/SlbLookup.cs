using Ccm.Sandbox.Aliyun.State;

namespace Ccm.Sandbox.Aliyun.Slb;

/// <summary>Finds SLB resources or throws the real not-found errors.</summary>
internal static class SlbLookup
{
    public static LoadBalancer LoadBalancer(CloudSnapshot s, string id) =>
        s.LoadBalancers.GetValueOrDefault(id) ?? throw SlbErrors.LoadBalancerNotFound();

    public static VServerGroup Group(CloudSnapshot s, string id) =>
        s.VServerGroups.GetValueOrDefault(id) ?? throw SlbErrors.VServerGroupNotFound();

    public static IEnumerable<VServerGroup> GroupsOf(CloudSnapshot s, string loadBalancerId) =>
        s.VServerGroups.Values.Where(g => g.LoadBalancerId == loadBalancerId);

    /// <summary>Every backend entry of every vServer group of the CLB (what the 200-backend quota counts).</summary>
    public static int BackendCount(CloudSnapshot s, string loadBalancerId) =>
        GroupsOf(s, loadBalancerId).Sum(g => g.BackendServers.Length);

    public static CloudSnapshot With(this CloudSnapshot s, LoadBalancer lb) => s with { LoadBalancers = s.LoadBalancers.SetItem(lb.LoadBalancerId, lb) };

    public static CloudSnapshot With(this CloudSnapshot s, VServerGroup group) => s with { VServerGroups = s.VServerGroups.SetItem(group.VServerGroupId, group) };
}
