using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Ecs;

/// <summary>Both ECS actions are reads, so the transport retries every transient failure.</summary>
public static class EcsActions
{
    public static readonly CloudAction DescribeInstances = CloudAction.Read("DescribeInstances");
    public static readonly CloudAction DescribeNetworkInterfaces = CloudAction.Read("DescribeNetworkInterfaces");
}
