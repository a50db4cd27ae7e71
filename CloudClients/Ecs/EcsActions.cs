using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Ecs;

/// <summary>Every ECS action the CCM sends, with its retry-safety and the reason for it.</summary>
public static class EcsActions
{
    public static readonly CloudAction DescribeInstances = CloudAction.Read("DescribeInstances");
    public static readonly CloudAction DescribeNetworkInterfaces = CloudAction.Read("DescribeNetworkInterfaces");

    // Sets absolute attribute values: the second identical request leaves the same ENI.
    public static readonly CloudAction ModifyNetworkInterfaceAttribute = CloudAction.Write("ModifyNetworkInterfaceAttribute", WriteSafety.IdempotentByEffect);
}
