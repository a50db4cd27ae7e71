namespace Ccm.Grains.Routes;

/// <summary>
/// The pod-CIDR route one Node needs in every route table: its first IPv4 pod CIDR (canonical form, e.g.
/// <c>172.20.1.0/24</c>) with its ECS instance as the only next hop.
/// </summary>
public sealed record NodeRoute(string NodeName, string DestinationCidrBlock, string InstanceId)
{
    public override string ToString() => $"{DestinationCidrBlock} -> {InstanceId} ({NodeName})";
}
