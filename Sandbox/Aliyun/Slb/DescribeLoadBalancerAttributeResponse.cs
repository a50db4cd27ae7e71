namespace Ccm.Sandbox.Aliyun.Slb;

/// <summary>
/// DescribeLoadBalancerAttribute: the listed fields flat at the top, plus the listener summaries in all three forms the
/// API returns (ports alone, port+protocol, and the misspelt port+"protocal" pair) and the default backend servers.
/// </summary>
internal sealed record DescribeLoadBalancerAttributeResponse : LoadBalancerItem
{
    public required string RequestId { get; init; }

    public required ListenerPortSet ListenerPorts { get; init; }

    public required ListenerPortAndProtocolSet ListenerPortsAndProtocol { get; init; }

    public required ListenerPortAndProtocalSet ListenerPortsAndProtocal { get; init; }

    /// <summary>The CLB's default server group; the emulator models vServer groups only, so it is always empty.</summary>
    public required BackendServerSet BackendServers { get; init; }
}
