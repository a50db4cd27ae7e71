using Ccm.CloudClients.Ecs;
using Ccm.Grains.Nodes;
using Ccm.Grains.Tests.Support;
using k8s.Models;

namespace Ccm.Grains.Tests.Nodes;

/// <summary>Nodes and instances for planner tables, built as a kubelet and DescribeInstances would, with tweaks (each on a copy).</summary>
internal static class TestNodes
{
    public const string Region = "cn-hangzhou";
    public const string Vpc = "vpc-test";
    public const string Ip = "192.168.0.11";
    public const string InstanceId = "i-bp1node1";

    // Taints are mutable models: every use gets its own.
    public static V1Taint Uninitialized => new() { Key = NodeLabels.UninitializedTaint, Value = "true", Effect = "NoSchedule" };
    public static V1Taint Shutdown => new() { Key = NodeLabels.ShutdownTaint, Effect = "NoSchedule" };
    public static V1Taint Dedicated => new() { Key = "dedicated", Value = "gpu", Effect = "NoSchedule" };

    /// <summary>A freshly registered external-cloud-provider kubelet: no providerID, uninitialized taint, Ready.</summary>
    public static V1Node New(string name = "node-1", string ip = Ip) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Uid = "uid-" + name, ResourceVersion = "7", Labels = new Dictionary<string, string> { ["kubernetes.io/hostname"] = name } },
        Spec = new V1NodeSpec { Taints = [Uninitialized] },
        Status = new V1NodeStatus
        {
            Addresses = [new V1NodeAddress { Type = "InternalIP", Address = ip }, new V1NodeAddress { Type = "Hostname", Address = name }],
            Conditions = [new V1NodeCondition { Type = "Ready", Status = "True" }],
        },
    };

    /// <summary>A node this controller initialised for <see cref="Instance"/>: nothing left to do.</summary>
    public static V1Node Initialized(string name = "node-1") => New(name)
        .ProviderId($"{Region}.{InstanceId}")
        .Labels(Labels(Instance()))
        .Taints();

    public static Instance Instance(string id = InstanceId, string ip = Ip, string status = "Running") => new()
    {
        InstanceId = id, InstanceType = "ecs.g7.large", RegionId = Region, ZoneId = "cn-hangzhou-h", Status = status,
        VpcAttributes = new VpcAttributes { VpcId = Vpc, PrivateIpAddress = [ip] },
    };

    public const string Eni = "eni-bp1node1";

    /// <summary>The instance with its primary ENI, as DescribeInstances lists it.</summary>
    public static Instance WithPrimaryEni(Instance instance) =>
        instance with { NetworkInterfaces = [new InstanceNetworkInterface { NetworkInterfaceId = Eni, Type = "Primary" }] };

    public static Dictionary<string, string> Labels(Instance instance) => new()
    {
        [NodeLabels.InstanceType] = instance.InstanceType!, [NodeLabels.BetaInstanceType] = instance.InstanceType!,
        [NodeLabels.Region] = Region, [NodeLabels.FailureDomainRegion] = Region,
        [NodeLabels.Zone] = instance.ZoneId!, [NodeLabels.FailureDomainZone] = instance.ZoneId!,
    };

    public static V1Node ProviderId(this V1Node node, string? providerId) => node.Clone(n => n.Spec.ProviderID = providerId);

    public static V1Node Labels(this V1Node node, IReadOnlyDictionary<string, string> labels) => node.Clone(n =>
    {
        foreach (var (key, value) in labels)
        {
            n.Metadata.Labels[key] = value;
        }
    });

    public static V1Node Label(this V1Node node, string key, string value) => node.Labels(new Dictionary<string, string> { [key] = value });

    public static V1Node Annotation(this V1Node node, string key, string value) =>
        node.Clone(n => n.Metadata.Annotations = new Dictionary<string, string> { [key] = value });

    public static V1Node Taints(this V1Node node, params V1Taint[] taints) => node.Clone(n => n.Spec.Taints = taints);

    public static V1Node Ready(this V1Node node, string? status) =>
        node.Clone(n => n.Status.Conditions = status is null ? [] : [new V1NodeCondition { Type = "Ready", Status = status }]);

    public static V1Node Addresses(this V1Node node, params (string Type, string Address)[] addresses) =>
        node.Clone(n => n.Status.Addresses = [.. addresses.Select(a => new V1NodeAddress { Type = a.Type, Address = a.Address })]);

    public static V1Node Deleting(this V1Node node) => node.Clone(n => n.Metadata.DeletionTimestamp = DateTime.UnixEpoch);

    public static InstanceLookup Found(params Instance[] instances) => new(instances);

    /// <summary>Operations as one readable line each: <c>Action Detail</c>.</summary>
    public static IReadOnlyList<string> Lines(this NodePlan plan) => [.. plan.Operations.Select(o => $"{o.Action} {o.Detail}")];
}
