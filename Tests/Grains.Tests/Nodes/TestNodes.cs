using Ccm.CloudClients.Ecs;
using Ccm.Grains.Nodes;
using Ccm.Kube.Models;

namespace Ccm.Grains.Tests.Nodes;

/// <summary>Nodes and instances for planner tables, built as a kubelet and DescribeInstances would, with tweaks.</summary>
internal static class TestNodes
{
    public const string Region = "cn-hangzhou";
    public const string Vpc = "vpc-test";
    public const string Ip = "192.168.0.11";
    public const string InstanceId = "i-bp1node1";

    public static readonly Taint Uninitialized = new() { Key = NodeLabels.UninitializedTaint, Value = "true", Effect = "NoSchedule" };
    public static readonly Taint Shutdown = new() { Key = NodeLabels.ShutdownTaint, Effect = "NoSchedule" };
    public static readonly Taint Dedicated = new() { Key = "dedicated", Value = "gpu", Effect = "NoSchedule" };

    /// <summary>A freshly registered external-cloud-provider kubelet: no providerID, uninitialized taint, Ready.</summary>
    public static Node New(string name = "node-1", string ip = Ip) => new()
    {
        Metadata = new ObjectMeta { Name = name, Uid = "uid-" + name, ResourceVersion = "7", Labels = new Dictionary<string, string> { ["kubernetes.io/hostname"] = name } },
        Spec = new NodeSpec { Taints = [Uninitialized] },
        Status = new NodeStatus
        {
            Addresses = [new NodeAddress { Type = "InternalIP", Address = ip }, new NodeAddress { Type = "Hostname", Address = name }],
            Conditions = [new NodeCondition { Type = "Ready", Status = "True" }],
        },
    };

    /// <summary>A node this controller initialised for <see cref="Instance"/>: nothing left to do.</summary>
    public static Node Initialized(string name = "node-1") => New(name)
        .ProviderId($"{Region}.{InstanceId}")
        .Labels(Labels(Instance()))
        .Taints();

    public static Instance Instance(string id = InstanceId, string ip = Ip, string status = "Running") => new()
    {
        InstanceId = id, InstanceType = "ecs.g7.large", RegionId = Region, ZoneId = "cn-hangzhou-h", Status = status,
        VpcAttributes = new VpcAttributes { VpcId = Vpc, PrivateIpAddress = [ip] },
    };

    public static Dictionary<string, string> Labels(Instance instance) => new()
    {
        [NodeLabels.InstanceType] = instance.InstanceType!, [NodeLabels.BetaInstanceType] = instance.InstanceType!,
        [NodeLabels.Region] = Region, [NodeLabels.FailureDomainRegion] = Region,
        [NodeLabels.Zone] = instance.ZoneId!, [NodeLabels.FailureDomainZone] = instance.ZoneId!,
    };

    public static Node ProviderId(this Node node, string? providerId) => node with { Spec = node.Spec! with { ProviderID = providerId } };

    public static Node Labels(this Node node, IReadOnlyDictionary<string, string> labels)
    {
        var merged = new Dictionary<string, string>(node.Metadata.Labels!);
        foreach (var (key, value) in labels)
        {
            merged[key] = value;
        }

        return node with { Metadata = node.Metadata with { Labels = merged } };
    }

    public static Node Label(this Node node, string key, string value) => node.Labels(new Dictionary<string, string> { [key] = value });

    public static Node Annotation(this Node node, string key, string value) =>
        node with { Metadata = node.Metadata with { Annotations = new Dictionary<string, string> { [key] = value } } };

    public static Node Taints(this Node node, params Taint[] taints) => node with { Spec = node.Spec! with { Taints = taints } };

    public static Node Ready(this Node node, string? status) => node with
    {
        Status = node.Status! with { Conditions = status is null ? [] : [new NodeCondition { Type = "Ready", Status = status }] },
    };

    public static Node Addresses(this Node node, params (string Type, string Address)[] addresses) => node with
    {
        Status = node.Status! with { Addresses = [.. addresses.Select(a => new NodeAddress { Type = a.Type, Address = a.Address })] },
    };

    public static Node Deleting(this Node node) => node with { Metadata = node.Metadata with { DeletionTimestamp = DateTimeOffset.UnixEpoch } };

    public static InstanceLookup Found(params Instance[] instances) => new(instances);

    /// <summary>Operations as one readable line each: <c>Action Detail</c>.</summary>
    public static IReadOnlyList<string> Lines(this NodePlan plan) => [.. plan.Operations.Select(o => $"{o.Action} {o.Detail}")];
}
