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
    public void Objects_without_metadata_maps_or_status_pass_through()
    {
        var bare = new V1Node { Metadata = new V1ObjectMeta { Name = "n1" } };

        Assert.Same(bare, CacheTrim.Node(bare));
        Assert.Null(bare.Status);
    }
}
