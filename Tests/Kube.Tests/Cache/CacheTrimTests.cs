using Ccm.Kube.Cache;
using k8s.Models;

namespace Ccm.Kube.Tests.Cache;

/// <summary>What the informers drop before caching: large fields no grain reads, and nothing a grain does read.</summary>
public class CacheTrimTests
{
    private const string LastApplied = "kubectl.kubernetes.io/last-applied-configuration";

    [Fact]
    public void Default_drops_managed_fields_and_the_last_applied_manifest_and_keeps_other_annotations()
    {
        var service = new V1Service
        {
            Metadata = new V1ObjectMeta
            {
                Name = "web",
                NamespaceProperty = "default",
                ManagedFields = [new V1ManagedFieldsEntry { Manager = "kubectl", Operation = "Apply", FieldsType = "FieldsV1" }],
                Annotations = new Dictionary<string, string>
                {
                    [LastApplied] = "{\"apiVersion\":\"v1\",\"kind\":\"Service\"}",
                    ["service.beta.kubernetes.io/alibaba-cloud-loadbalancer-spec"] = "slb.s1.small",
                },
                Labels = new Dictionary<string, string> { ["app"] = "web" },
            },
            Spec = new V1ServiceSpec { Type = "LoadBalancer" },
        };

        var trimmed = CacheTrim.Default(service);

        Assert.Null(trimmed.Metadata.ManagedFields);
        Assert.Equal(["service.beta.kubernetes.io/alibaba-cloud-loadbalancer-spec"], trimmed.Metadata.Annotations.Keys);
        Assert.Equal("web", trimmed.Metadata.Labels["app"]);
        Assert.Equal("LoadBalancer", trimmed.Spec.Type);
    }

    [Fact]
    public void Node_also_drops_images_and_volume_bookkeeping_and_keeps_what_the_grains_read()
    {
        var node = new V1Node
        {
            Metadata = new V1ObjectMeta
            {
                Name = "n1",
                ManagedFields = [new V1ManagedFieldsEntry { Manager = "kubelet" }],
                Labels = new Dictionary<string, string> { ["topology.kubernetes.io/zone"] = "cn-hangzhou-k" },
            },
            Spec = new V1NodeSpec
            {
                ProviderID = "cn-hangzhou.i-123",
                PodCIDR = "172.20.1.0/24",
                Taints = [new V1Taint { Key = "node.cloudprovider.kubernetes.io/uninitialized", Effect = "NoSchedule", Value = "true" }],
            },
            Status = new V1NodeStatus
            {
                Addresses = [new V1NodeAddress { Type = "InternalIP", Address = "192.168.0.10" }],
                Conditions = [new V1NodeCondition { Type = "Ready", Status = "True" }],
                Images = [new V1ContainerImage { Names = ["registry.example/app@sha256:0123"], SizeBytes = 1 << 20 }],
                VolumesAttached = [new V1AttachedVolume { Name = "kubernetes.io/csi/disk^d-1", DevicePath = "/dev/vdb" }],
                VolumesInUse = ["kubernetes.io/csi/disk^d-1"],
            },
        };

        var trimmed = CacheTrim.Node(node);

        Assert.Null(trimmed.Metadata.ManagedFields);
        Assert.Null(trimmed.Status.Images);
        Assert.Null(trimmed.Status.VolumesAttached);
        Assert.Null(trimmed.Status.VolumesInUse);
        Assert.Equal("cn-hangzhou.i-123", trimmed.Spec.ProviderID);
        Assert.Equal("172.20.1.0/24", trimmed.Spec.PodCIDR);
        Assert.Single(trimmed.Spec.Taints);
        Assert.Equal("192.168.0.10", Assert.Single(trimmed.Status.Addresses).Address);
        Assert.Equal("Ready", Assert.Single(trimmed.Status.Conditions).Type);
        Assert.Equal("cn-hangzhou-k", trimmed.Metadata.Labels["topology.kubernetes.io/zone"]);
    }

    [Fact]
    public void Node_drops_capacity_allocatable_and_node_info_which_nothing_reads()
    {
        var node = new V1Node
        {
            Metadata = new V1ObjectMeta { Name = "n1" },
            Status = new V1NodeStatus
            {
                Capacity = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("8") },
                Allocatable = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("7800m") },
                NodeInfo = new V1NodeSystemInfo { KubeletVersion = "v1.34.1-aliyun.1" },
                DaemonEndpoints = new V1NodeDaemonEndpoints { KubeletEndpoint = new V1DaemonEndpoint { Port = 10250 } },
            },
        };

        var trimmed = CacheTrim.Node(node);

        Assert.Equal((null, null, null, null), (trimmed.Status.Capacity, trimmed.Status.Allocatable, trimmed.Status.NodeInfo, trimmed.Status.DaemonEndpoints));
    }

    [Fact]
    public void Strings_that_objects_repeat_are_shared_and_their_values_kept()
    {
        V1Node Node(string name) => new()
        {
            Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { [Copy("topology.kubernetes.io/zone")] = Copy("cn-hangzhou-k") } },
            Spec = new V1NodeSpec { Taints = [new V1Taint { Key = Copy("dedicated"), Value = Copy("gateway"), Effect = Copy("NoSchedule") }] },
            Status = new V1NodeStatus { Conditions = [new V1NodeCondition { Type = Copy("Ready"), Status = Copy("True"), Reason = Copy("KubeletReady"), Message = Copy("kubelet is posting ready status") }] },
        };
        V1EndpointSlice Slice(string name) => new()
        {
            ApiVersion = Copy("discovery.k8s.io/v1"),
            Kind = Copy("EndpointSlice"),
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Copy("team-01") },
            AddressType = Copy("IPv4"),
            Endpoints = [new V1Endpoint { Addresses = ["172.20.0.2"], NodeName = Copy("cn-hangzhou.192.168.0.2"), Zone = Copy("cn-hangzhou-k"), TargetRef = new V1ObjectReference { Kind = Copy("Pod"), Name = name + "-pod" } }],
            Ports = [new Discoveryv1EndpointPort { Name = Copy("http"), Protocol = Copy("TCP"), Port = 8080 }],
        };

        var (a, b) = (CacheTrim.Node(Node("a")), CacheTrim.Node(Node("b")));
        var (s, t) = (CacheTrim.EndpointSlice(Slice("s")), CacheTrim.EndpointSlice(Slice("t")));

        Assert.Same(a.Metadata.Labels.Keys.Single(), b.Metadata.Labels.Keys.Single());
        Assert.Same(a.Metadata.Labels.Values.Single(), b.Metadata.Labels.Values.Single());
        Assert.Same(a.Status.Conditions[0].Message, b.Status.Conditions[0].Message);
        Assert.Same(a.Spec.Taints[0].Effect, b.Spec.Taints[0].Effect);
        Assert.Same(s.Endpoints[0].NodeName, t.Endpoints[0].NodeName);
        Assert.Same(s.Endpoints[0].TargetRef.Kind, t.Endpoints[0].TargetRef.Kind);
        Assert.Same(s.Metadata.NamespaceProperty, t.Metadata.NamespaceProperty);
        Assert.Same(s.Ports[0].Protocol, t.Ports[0].Protocol);
        Assert.Same(s.ApiVersion, t.ApiVersion);
        Assert.Same(s.Kind, t.Kind);
        Assert.Equal(("cn-hangzhou-k", "kubelet is posting ready status", "s-pod"), (a.Metadata.Labels["topology.kubernetes.io/zone"], a.Status.Conditions[0].Message, s.Endpoints[0].TargetRef.Name));
    }

    [Fact]
    public void The_pool_stops_growing_at_its_capacity_and_long_values_are_never_pooled()
    {
        var strings = new CacheStrings(2);

        Assert.Same(strings.Share(Copy("a")), strings.Share(Copy("a")));
        strings.Share("b");
        var c = Copy("c");

        Assert.Same(c, strings.Share(c));
        Assert.NotSame(strings.Share(Copy("c")), c);
        Assert.Equal(2, strings.Count);
        var long1 = new string('x', CacheStrings.MaxValueLength + 1);
        Assert.Same(long1, strings.ShareShort(long1));
    }

    /// <summary>A string equal to <paramref name="value"/> but not the same object, as a JSON decoder makes one per object.</summary>
    private static string Copy(string value) => new(value.AsSpan());

    [Fact]
    public void Objects_without_metadata_maps_or_status_pass_through()
    {
        var bare = new V1Node { Metadata = new V1ObjectMeta { Name = "n1" } };

        Assert.Same(bare, CacheTrim.Node(bare));
        Assert.Null(bare.Status);
    }
}
