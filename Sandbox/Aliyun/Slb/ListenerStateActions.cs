using Ccm.Sandbox.Aliyun.Protocol;
using Ccm.Sandbox.Aliyun.State;

namespace Ccm.Sandbox.Aliyun.Slb;

/// <summary>
/// Start/Stop/DeleteLoadBalancerListener. <c>ListenerProtocol</c> picks the listener when a TCP and a UDP listener share
/// the port; without it the port alone must identify one listener. Starting a running listener (or stopping a stopped
/// one) succeeds without change.
/// </summary>
internal static class ListenerStateActions
{
    public static ApiResult Start(ActionContext c) => Change(c, (lb, l) => lb with { Listeners = lb.Listeners.SetItem(l.Key, l with { Status = "running" }) });

    public static ApiResult Stop(ActionContext c) => Change(c, (lb, l) => lb with { Listeners = lb.Listeners.SetItem(l.Key, l with { Status = "stopped" }) });

    public static ApiResult Delete(ActionContext c) => Change(c, (lb, l) => lb with { Listeners = lb.Listeners.Remove(l.Key) });

    private static ApiResult Change(ActionContext c, Func<LoadBalancer, Listener, LoadBalancer> change)
    {
        c.CheckRegion();
        var p = c.Parameters;
        var id = p.Required("LoadBalancerId");
        var port = ListenerActions.Port(p);
        var protocol = SlbValues.OneOf(p, "ListenerProtocol", "tcp", "udp", "http", "https");
        c.Store.Update(s =>
        {
            var lb = SlbLookup.LoadBalancer(s, id);
            var candidates = lb.Listeners.Values.Where(l => l.ListenerPort == port && (protocol is null || l.ListenerProtocol == protocol)).ToList();
            return candidates.Count switch
            {
                0 => throw SlbErrors.ListenerNotFound(),
                1 => s.With(change(lb, candidates[0])),
                _ => throw CommonErrors.InvalidParameter("ListenerProtocol", "Two listeners use this port; specify ListenerProtocol."),
            };
        });
        return ApiResult.Of(new RequestIdResponse(c.RequestId), WireJson.Default.RequestIdResponse);
    }
}
