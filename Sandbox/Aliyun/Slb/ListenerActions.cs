using Ccm.Sandbox.Aliyun.Protocol;
using Ccm.Sandbox.Aliyun.State;

namespace Ccm.Sandbox.Aliyun.Slb;

/// <summary>
/// CreateLoadBalancer{TCP,UDP,HTTP,HTTPS}Listener and SetLoadBalancer{…}ListenerAttribute. New listeners are
/// <c>stopped</c>, as in the real service; the caller must StartLoadBalancerListener.
/// </summary>
internal static class ListenerActions
{
    /// <summary>Listeners per CLB (reference §4.1, [S11]).</summary>
    public const int ListenerQuota = 50;

    public static ActionHandler Create(string protocol) => c => CreateListener(c, protocol);

    public static ActionHandler Set(string protocol) => c => SetAttribute(c, protocol);

    private static ApiResult CreateListener(ActionContext c, string protocol)
    {
        c.CheckRegion();
        var p = c.Parameters;
        var id = p.Required("LoadBalancerId");
        var port = Port(p);
        if (protocol != "http")
        {
            p.Required("Bandwidth");
        }

        if (protocol is "http" or "https")
        {
            p.Required("HealthCheck");
        }

        if (protocol == "https")
        {
            p.Required("ServerCertificateId");
        }

        var attributes = ListenerSettings.Apply(ListenerSettings.Defaults(protocol), p, protocol);
        if (!attributes.ContainsKey("VServerGroupId") && !attributes.ContainsKey("BackendServerPort"))
        {
            throw CommonErrors.Missing("BackendServerPort");
        }

        var listener = new Listener
        {
            LoadBalancerId = id, ListenerPort = port, ListenerProtocol = protocol, Attributes = attributes,
            Tags = [.. p.Tags().Select(t => new ResourceTag(t.Key, t.Value ?? ""))],
        };
        c.Store.Update(s =>
        {
            var lb = SlbLookup.LoadBalancer(s, id);
            CheckGroup(s, lb, listener.VServerGroupId);
            if (lb.Listeners.Values.Any(l => l.ListenerPort == port && Conflicts(l.ListenerProtocol, protocol)))
            {
                throw SlbErrors.ListenerAlreadyExists(port);
            }

            if (lb.Listeners.Count >= ListenerQuota)
            {
                throw SlbErrors.ListenerQuota(ListenerQuota);
            }

            return s.With(lb with { Listeners = lb.Listeners.Add(listener.Key, listener) });
        });
        return ApiResult.Of(new RequestIdResponse(c.RequestId), WireJson.Default.RequestIdResponse);
    }

    private static ApiResult SetAttribute(ActionContext c, string protocol)
    {
        c.CheckRegion();
        var p = c.Parameters;
        var id = p.Required("LoadBalancerId");
        var port = Port(p);
        // VServerGroup=off detaches the listener from its vServer group (it then forwards to the default group).
        var detach = SlbValues.OneOf(p, "VServerGroup", "on", "off") == "off";
        c.Store.Update(s =>
        {
            var lb = SlbLookup.LoadBalancer(s, id);
            var listener = lb.Listeners.GetValueOrDefault(Listener.KeyOf(port, protocol)) ?? throw SlbErrors.ListenerNotFound();
            var attributes = ListenerSettings.Apply(listener.Attributes, p, protocol);
            if (detach && p.NonEmpty("VServerGroupId") is null)
            {
                attributes = attributes.Remove("VServerGroupId");
            }

            var changed = listener with { Attributes = attributes };
            CheckGroup(s, lb, changed.VServerGroupId);
            c.ThrowIfDryRun();
            return s.With(lb with { Listeners = lb.Listeners.SetItem(changed.Key, changed) });
        });
        return ApiResult.Of(new RequestIdResponse(c.RequestId), WireJson.Default.RequestIdResponse);
    }

    public static int Port(ApiParameters p)
    {
        var port = p.RequiredInt("ListenerPort");
        return port is >= 1 and <= 65535 ? port : throw CommonErrors.InvalidParameter("ListenerPort");
    }

    /// <summary>A TCP and a UDP listener may share a port; any other pair on one port conflicts.</summary>
    private static bool Conflicts(string existing, string requested) =>
        existing == requested || (existing != "udp" && requested != "udp");

    private static void CheckGroup(CloudSnapshot s, LoadBalancer lb, string? groupId)
    {
        if (groupId is not null && s.VServerGroups.GetValueOrDefault(groupId)?.LoadBalancerId != lb.LoadBalancerId)
        {
            throw SlbErrors.VServerGroupNotFound();
        }
    }
}
