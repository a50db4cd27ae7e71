namespace Ccm.Sandbox.Demo;

/// <summary>
/// The one small cluster both emulators seed with <c>--seed demo</c>: the Kubernetes nodes' names, InternalIPs and
/// pod CIDRs match the ECS instances, as they would on a real self-managed cluster whose kubelets run with
/// <c>--cloud-provider=external</c> (no providerID yet, the uninitialized taint set).
/// </summary>
public static class DemoWorld
{
    public const string RegionId = "cn-hangzhou";
    public const string ClusterId = "c-sandbox";
    public const string VpcId = "vpc-bp1sandbox000000001";
    public const string VpcCidr = "192.168.0.0/16";
    public const string VRouterId = "vrt-bp1sandbox000000001";
    public const string SystemRouteTableId = "vtb-bp1sandboxsystem0001";
    public const string ClusterCidr = "172.20.0.0/16";

    /// <summary>The two custom route tables the demo cloud-config lists (besides the VPC's system table).</summary>
    public static readonly IReadOnlyList<string> CustomRouteTableIds = ["vtb-bp1sandboxcustom0001", "vtb-bp1sandboxcustom0002"];

    public static readonly IReadOnlyList<DemoVSwitch> VSwitches =
    [
        new("vsw-bp1sandboxzoneh0001", "cn-hangzhou-h", "192.168.0.0/20"),
        new("vsw-bp1sandboxzonei0001", "cn-hangzhou-i", "192.168.16.0/20"),
    ];

    /// <summary>Three running ECS instances, each a Kubernetes node of the same name.</summary>
    public static readonly IReadOnlyList<DemoNode> Nodes =
    [
        new("demo-node-1", "i-bp1sandboxnode000001", "192.168.0.11", "172.20.0.0/24", "cn-hangzhou-h", "vsw-bp1sandboxzoneh0001", "ecs.g7.large"),
        new("demo-node-2", "i-bp1sandboxnode000002", "192.168.0.12", "172.20.1.0/24", "cn-hangzhou-h", "vsw-bp1sandboxzoneh0001", "ecs.g7.large"),
        new("demo-node-3", "i-bp1sandboxnode000003", "192.168.16.13", "172.20.2.0/24", "cn-hangzhou-i", "vsw-bp1sandboxzonei0001", "ecs.g7.xlarge"),
    ];

    /// <summary>A virtual-kubelet node (label <c>type=virtual-kubelet</c>): a Kubernetes node with no ECS instance.</summary>
    public static readonly DemoVirtualNode VirtualNode = new("virtual-kubelet-cn-hangzhou-h", "192.168.0.200", "cn-hangzhou-h");
}

public sealed record DemoVSwitch(string VSwitchId, string ZoneId, string CidrBlock);

public sealed record DemoNode(
    string Name, string InstanceId, string PrivateIp, string PodCidr, string ZoneId, string VSwitchId, string InstanceType)
{
    /// <summary>The providerID the CCM should set: <c>&lt;region&gt;.&lt;instance-id&gt;</c>.</summary>
    public string ProviderId => $"{DemoWorld.RegionId}.{InstanceId}";
}

public sealed record DemoVirtualNode(string Name, string InternalIp, string ZoneId);
