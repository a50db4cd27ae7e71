using System.Text.Json.Nodes;
using Ccm.Sandbox.Aliyun.Protocol;
using Ccm.Sandbox.Aliyun.State;

namespace Ccm.Sandbox.Aliyun.Slb;

/// <summary>Describe{TCP,UDP,HTTP,HTTPS}ListenerAttribute and DescribeLoadBalancerListeners (token paging, flat <c>Listeners[]</c>).</summary>
internal static class ListenerQueryActions
{
    public static ActionHandler DescribeAttribute(string protocol) => c =>
    {
        c.CheckRegion();
        var lb = SlbLookup.LoadBalancer(c.Store.Current, c.Parameters.Required("LoadBalancerId"));
        var listener = lb.Listeners.GetValueOrDefault(Listener.KeyOf(ListenerActions.Port(c.Parameters), protocol))
            ?? throw SlbErrors.ListenerNotFound();
        return ApiResult.Of(ListenerView.Attribute(listener, c.RequestId), SlbJson.Default.JsonObject);
    };

    public static ApiResult DescribeListeners(ActionContext c)
    {
        c.CheckRegion();
        var p = c.Parameters;
        var s = c.Store.Current;
        var ids = p.List("LoadBalancerId");
        if (ids.Count > 10)
        {
            throw CommonErrors.InvalidParameter("LoadBalancerId", "At most 10 LoadBalancerId values are accepted.");
        }

        var protocol = SlbValues.OneOf(p, "ListenerProtocol", "tcp", "udp", "http", "https");
        var port = p.Int("ListenerPort");
        var description = p.NonEmpty("Description");
        var tags = p.Tags();
        var maxResults = Paging.Limit(p, "MaxResults", defaultValue: 20, min: 1, max: 100);
        var listeners = s.LoadBalancers.Values
            .Where(lb => ids.Count == 0 || ids.Contains(lb.LoadBalancerId))
            .SelectMany(lb => lb.Listeners.Values)
            .Where(l => protocol is null || l.ListenerProtocol == protocol)
            .Where(l => port is null || l.ListenerPort == port)
            .Where(l => description is null || l.Attributes.GetValueOrDefault("Description") == description)
            .Where(l => l.Tags.HasAll(tags));
        var page = Paging.ByToken(listeners, l => l.LoadBalancerId + "/" + l.Key, p.NonEmpty("NextToken"), maxResults);
        return ApiResult.Of(
            new DescribeLoadBalancerListenersResponse(c.RequestId, page.NextToken, maxResults, page.TotalCount,
                [.. page.Items.Select(ListenerView.Summary)]),
            SlbJson.Default.DescribeLoadBalancerListenersResponse);
    }
}
