using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Slb;

/// <summary>
/// Fields every listener create/set request shares. Null means "not sent": the upstream CCM sends only the fields an
/// annotation sets, leaving the rest to the service's defaults, and so do we.
/// </summary>
public abstract record ListenerRequest : IRpcRequest
{
    public required string LoadBalancerId { get; init; }

    public required int ListenerPort { get; init; }

    /// <summary>Mbps; <c>-1</c> = unlimited for pay-by-traffic. Required by the API for TCP/UDP/HTTPS creates.</summary>
    public int? Bandwidth { get; init; }

    public string? VServerGroupId { get; init; }

    /// <summary><c>wrr</c> | <c>rr</c> | <c>sch</c> | <c>tch</c> (upstream default <c>rr</c>).</summary>
    public string? Scheduler { get; init; }

    /// <summary>The CCM's ownership key <c>k8s/&lt;port&gt;/&lt;svc&gt;/&lt;ns&gt;/&lt;clusterID&gt;</c>.</summary>
    public string? Description { get; init; }

    public string? AclId { get; init; }

    public string? AclStatus { get; init; }

    public string? AclType { get; init; }

    public int? HealthyThreshold { get; init; }

    public int? UnhealthyThreshold { get; init; }

    public int? HealthCheckConnectPort { get; init; }

    void IRpcRequest.WriteTo(RpcParameters parameters) => WriteFields(parameters);

    protected virtual void WriteFields(RpcParameters p) => p
        .Add("LoadBalancerId", LoadBalancerId).Add("ListenerPort", ListenerPort).Add("Bandwidth", Bandwidth)
        .Add("VServerGroupId", VServerGroupId).Add("Scheduler", Scheduler).Add("Description", Description)
        .Add("AclId", AclId).Add("AclStatus", AclStatus).Add("AclType", AclType)
        .Add("HealthyThreshold", HealthyThreshold).Add("UnhealthyThreshold", UnhealthyThreshold)
        .Add("HealthCheckConnectPort", HealthCheckConnectPort);
}

/// <summary>Identifies one listener: Start/Stop/DeleteLoadBalancerListener. Protocol: <c>tcp</c>|<c>udp</c>|<c>http</c>|<c>https</c>.</summary>
public sealed record ListenerKey(string LoadBalancerId, int ListenerPort, string ListenerProtocol) : IRpcRequest
{
    void IRpcRequest.WriteTo(RpcParameters p) =>
        p.Add("LoadBalancerId", LoadBalancerId).Add("ListenerPort", ListenerPort).Add("ListenerProtocol", ListenerProtocol);
}
