using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Slb;

/// <summary>TCP listener settings shared by create and set.</summary>
public abstract record TcpListenerRequest : ListenerRequest
{
    public int? PersistenceTimeout { get; init; }

    public int? EstablishedTimeout { get; init; }

    public string? HealthCheckSwitch { get; init; }

    /// <summary><c>tcp</c> | <c>http</c>.</summary>
    public string? HealthCheckType { get; init; }

    public int? HealthCheckConnectTimeout { get; init; }

    /// <summary>Seconds. Spelled <c>healthCheckInterval</c> (lowercase h) on create and <c>HealthCheckInterval</c> on set, as the API does.</summary>
    public int? HealthCheckInterval { get; init; }

    public string? HealthCheckDomain { get; init; }

    public string? HealthCheckURI { get; init; }

    public string? HealthCheckHttpCode { get; init; }

    public string? ConnectionDrain { get; init; }

    public int? ConnectionDrainTimeout { get; init; }

    public bool? ProxyProtocolV2Enabled { get; init; }

    protected override void WriteFields(RpcParameters p)
    {
        base.WriteFields(p);
        p.Add("PersistenceTimeout", PersistenceTimeout).Add("EstablishedTimeout", EstablishedTimeout).Add("HealthCheckSwitch", HealthCheckSwitch)
            .Add("HealthCheckType", HealthCheckType).Add("HealthCheckConnectTimeout", HealthCheckConnectTimeout)
            .Add("HealthCheckDomain", HealthCheckDomain).Add("HealthCheckURI", HealthCheckURI).Add("HealthCheckHttpCode", HealthCheckHttpCode)
            .Add("ConnectionDrain", ConnectionDrain).Add("ConnectionDrainTimeout", ConnectionDrainTimeout)
            .Add("ProxyProtocolV2Enabled", ProxyProtocolV2Enabled);
    }
}

/// <summary>CreateLoadBalancerTCPListener. The listener is created stopped; call StartLoadBalancerListener.</summary>
public sealed record CreateLoadBalancerTCPListenerRequest : TcpListenerRequest
{
    /// <summary>Required by the API when no <see cref="ListenerRequest.VServerGroupId"/> is given.</summary>
    public int? BackendServerPort { get; init; }

    protected override void WriteFields(RpcParameters p)
    {
        base.WriteFields(p);
        p.Add("BackendServerPort", BackendServerPort).Add("healthCheckInterval", HealthCheckInterval);
    }
}

public sealed record SetLoadBalancerTCPListenerAttributeRequest : TcpListenerRequest
{
    /// <summary><c>on</c> | <c>off</c>: whether <see cref="ListenerRequest.VServerGroupId"/> is used.</summary>
    public string? VServerGroup { get; init; }

    protected override void WriteFields(RpcParameters p)
    {
        base.WriteFields(p);
        p.Add("VServerGroup", VServerGroup).Add("HealthCheckInterval", HealthCheckInterval);
    }
}

/// <summary>UDP listener settings shared by create and set.</summary>
public abstract record UdpListenerRequest : ListenerRequest
{
    public string? HealthCheckSwitch { get; init; }

    public int? HealthCheckConnectTimeout { get; init; }

    /// <summary>Spelled <c>healthCheckInterval</c> on create, <c>HealthCheckInterval</c> on set.</summary>
    public int? HealthCheckInterval { get; init; }

    /// <summary>The UDP probe payload; the API spells it <c>healthCheckReq</c> in both actions.</summary>
    public string? HealthCheckReq { get; init; }

    /// <summary>The expected answer; spelled <c>healthCheckExp</c> in both actions.</summary>
    public string? HealthCheckExp { get; init; }

    public bool? ProxyProtocolV2Enabled { get; init; }

    protected override void WriteFields(RpcParameters p)
    {
        base.WriteFields(p);
        p.Add("HealthCheckSwitch", HealthCheckSwitch).Add("HealthCheckConnectTimeout", HealthCheckConnectTimeout)
            .Add("healthCheckReq", HealthCheckReq).Add("healthCheckExp", HealthCheckExp).Add("ProxyProtocolV2Enabled", ProxyProtocolV2Enabled);
    }
}

public sealed record CreateLoadBalancerUDPListenerRequest : UdpListenerRequest
{
    public int? BackendServerPort { get; init; }

    protected override void WriteFields(RpcParameters p)
    {
        base.WriteFields(p);
        p.Add("BackendServerPort", BackendServerPort).Add("healthCheckInterval", HealthCheckInterval);
    }
}

public sealed record SetLoadBalancerUDPListenerAttributeRequest : UdpListenerRequest
{
    public string? VServerGroup { get; init; }

    protected override void WriteFields(RpcParameters p)
    {
        base.WriteFields(p);
        p.Add("VServerGroup", VServerGroup).Add("HealthCheckInterval", HealthCheckInterval);
    }
}
