namespace Ccm.Grains.Nodes;

/// <summary>
/// Why the node controller leaves a Node alone, as a Warning Event: <paramref name="Reason"/> is the Event reason,
/// <paramref name="Message"/> names the field or address and what would fix it. <paramref name="Terminal"/> warnings
/// need a change to the Node itself; the others may clear up on their own (an instance appearing), so they are re-checked.
/// </summary>
public sealed record NodeWarning(string Reason, string Message, bool Terminal = false);

/// <summary>Every warning the node controller emits, in one place, each with its own text.</summary>
public static class NodeWarnings
{
    public static NodeWarning InvalidProviderId(string value) => new(
        "InvalidProviderID",
        $"spec.providerID \"{value}\" is not an Alibaba Cloud provider ID: expected \"<region>.<instance-id>\", optionally " +
        $"prefixed \"{ProviderId.AlicloudPrefix}\" (e.g. cn-hangzhou.i-bp1abc); the node is left alone",
        Terminal: true);

    public static NodeWarning OtherRegion(string value, string region, string clusterRegion) => new(
        "ProviderIDRegionMismatch",
        $"spec.providerID \"{value}\" names region {region}, but this cloud controller manages region {clusterRegion}; " +
        "the node is left alone",
        Terminal: true);

    public static NodeWarning NoInternalIp() => new(
        "NodeInternalIPMissing",
        "the node has no spec.providerID and no IPv4 InternalIP address to find its ECS instance by; " +
        "start the kubelet with --node-ip or --provider-id",
        Terminal: true);

    public static NodeWarning NotFoundByIp(string ip, string vpcId) => new(
        "InstanceNotFoundByIP",
        $"no ECS instance in VPC {vpcId} has private IP {ip}; spec.providerID is not set");

    public static NodeWarning AmbiguousIp(string ip, string vpcId, IEnumerable<string> instanceIds) => new(
        "AmbiguousInstanceIP",
        $"ECS instances {string.Join(", ", instanceIds.Order(StringComparer.Ordinal))} in VPC {vpcId} all have private IP {ip}; " +
        "spec.providerID is not set");

    public static NodeWarning AlreadyMapped(string ip, string instanceId, string otherNode) => new(
        "InstanceAlreadyMapped",
        $"ECS instance {instanceId} with private IP {ip} is already the spec.providerID of node {otherNode}; " +
        "spec.providerID is not set");

    /// <summary>Upstream's reason for this failure; the taint stays, and the grain retries with backoff.</summary>
    public static NodeWarning SourceDestCheckNotDisabled(string networkInterfaceId, string error) => new(
        "SyncNodeFailed",
        $"the source/destination check of primary ENI {networkInterfaceId} could not be turned off ({error}); the uninitialized " +
        "taint is kept until it is (the RAM policy needs ecs:ModifyNetworkInterfaceAttribute; or start with --skip-disable-source-dest-check)");

    public static NodeWarning ProvidedIpNotFound(string ip, string instanceId) => new(
        "ProvidedNodeIPNotFound",
        $"ECS instance {instanceId} has no address {ip} named by annotation {NodeLabels.ProvidedNodeIpAnnotation}; " +
        "the node is not initialised and its addresses are not changed");
}
