using Ccm.Sandbox.Aliyun.Protocol;
using Ccm.Sandbox.Aliyun.State;

namespace Ccm.Sandbox.Aliyun.Slb;

/// <summary>DeleteLoadBalancer, DescribeLoadBalancers and DescribeLoadBalancerAttribute.</summary>
internal static class LoadBalancerActions
{
    public static ApiResult Delete(ActionContext c)
    {
        c.CheckRegion();
        var id = c.Parameters.Required("LoadBalancerId");
        c.Store.Update(s =>
        {
            var lb = SlbLookup.LoadBalancer(s, id);
            if (lb.DeleteProtection == "on")
            {
                throw SlbErrors.DeleteProtectionIsOn();
            }

            // Deleting a CLB deletes its listeners, tags and vServer groups with it.
            var groups = SlbLookup.GroupsOf(s, id).Select(g => g.VServerGroupId).ToList();
            return (s with { LoadBalancers = s.LoadBalancers.Remove(id), VServerGroups = s.VServerGroups.RemoveRange(groups) }).UnbindFrom(id);
        });
        return ApiResult.Of(new RequestIdResponse(c.RequestId), WireJson.Default.RequestIdResponse);
    }

    public static ApiResult Describe(ActionContext c)
    {
        c.CheckRegion(required: true);
        var s = c.Store.Current;
        var filter = LoadBalancerFilter.From(c.Parameters);
        var matches = s.LoadBalancers.Values.Where(lb => filter.Matches(lb, s)).ToList();
        var page = Paging.ByPage(matches, c.Parameters, defaultSize: 50, maxSize: 100);
        var items = new LoadBalancerSet([.. page.Items.Select(lb => SlbMapper.Item(lb, s.RegionId))]);
        return ApiResult.Of(
            new DescribeLoadBalancersResponse(c.RequestId, page.PageNumber, page.PageSize, page.TotalCount, items),
            SlbJson.Default.DescribeLoadBalancersResponse);
    }

    public static ApiResult DescribeAttribute(ActionContext c)
    {
        c.CheckRegion();
        var s = c.Store.Current;
        var lb = SlbLookup.LoadBalancer(s, c.Parameters.Required("LoadBalancerId"));
        var listeners = lb.Listeners.Values.ToList();
        var response = SlbMapper.Fill(new DescribeLoadBalancerAttributeResponse
        {
            RequestId = c.RequestId,
            ListenerPorts = new ListenerPortSet([.. listeners.Select(l => l.ListenerPort).Distinct()]),
            ListenerPortsAndProtocol = new ListenerPortAndProtocolSet([.. listeners.Select(Summary)]),
            ListenerPortsAndProtocal = new ListenerPortAndProtocalSet([.. listeners.Select(l => new ListenerPortAndProtocal(l.ListenerPort, l.ListenerProtocol))]),
            BackendServers = new BackendServerSet([]),
        }, lb, s.RegionId);
        return ApiResult.Of(response, SlbJson.Default.DescribeLoadBalancerAttributeResponse);
    }

    private static ListenerPortAndProtocol Summary(Listener l)
    {
        var forward = l.ListenerProtocol == "http" ? l.Attributes.GetValueOrDefault("ListenerForward", "off") : null;
        int? forwardPort = forward == "on" && int.TryParse(l.Attributes.GetValueOrDefault("ForwardPort"), out var port) ? port : null;
        return new ListenerPortAndProtocol(l.ListenerPort, l.ListenerProtocol, forward, forwardPort, l.Attributes.GetValueOrDefault("Description", ""));
    }
}
