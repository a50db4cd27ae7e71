namespace Ccm.Grains.Nodes;

/// <summary>The Node labels, annotations and taints the node controller reads or writes, with upstream's names.</summary>
public static class NodeLabels
{
    public const string InstanceType = "node.kubernetes.io/instance-type";
    public const string Region = "topology.kubernetes.io/region";
    public const string Zone = "topology.kubernetes.io/zone";

    // The deprecated twins: upstream still writes them, and old schedulers and charts still select on them.
    public const string BetaInstanceType = "beta.kubernetes.io/instance-type";
    public const string FailureDomainRegion = "failure-domain.beta.kubernetes.io/region";
    public const string FailureDomainZone = "failure-domain.beta.kubernetes.io/zone";

    // Upstream's labels from the instance (pkg/controller/node/manager.go): set when the instance has a value, never removed.
    public const string InstanceChargeType = "node.alibabacloud.com/instance-charge-type";
    public const string SpotStrategy = "node.alibabacloud.com/spot-strategy";

    /// <summary>The value of the instance's ECS tag <see cref="CloudClients.Ecs.Instance.NodePoolIdTagKey"/>.</summary>
    public const string NodePoolId = "node.alibabacloud.com/nodepool-id";

    /// <summary><c>type=virtual-kubelet</c>: an ECI node with no ECS instance behind it.</summary>
    public const string Type = "type";
    public const string VirtualKubeletType = "virtual-kubelet";

    /// <summary>Upstream's exclude labels: the CCM leaves such nodes alone (any value).</summary>
    public static readonly IReadOnlyList<string> Exclude = ["service.beta.kubernetes.io/exclude-node", "service.alibabacloud.com/exclude-node"];

    /// <summary>LingJun (EFLO) machines: not ECS instances, so DescribeInstances can never find them (upstream asks EFLO).</summary>
    public const string LingJunWorker = "alibabacloud.com/lingjun-worker";

    /// <summary>The IP the kubelet was started with (<c>--node-ip</c>): the only InternalIP the node may have.</summary>
    public const string ProvidedNodeIpAnnotation = "alpha.kubernetes.io/provided-node-ip";

    /// <summary>Set by kubelets started with <c>--cloud-provider=external</c>; removed once the CCM initialised the node.</summary>
    public const string UninitializedTaint = "node.cloudprovider.kubernetes.io/uninitialized";

    /// <summary>Set while the instance is stopped and the node NotReady (cloud-provider's node lifecycle controller).</summary>
    public const string ShutdownTaint = "node.cloudprovider.kubernetes.io/shutdown";
}
