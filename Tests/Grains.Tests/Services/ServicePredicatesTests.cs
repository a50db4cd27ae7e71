using Ccm.Grains.Services;
using k8s.Models;

namespace Ccm.Grains.Tests.Services;

public class ServicePredicatesTests
{
    private static V1Service Svc(
        string type = "LoadBalancer",
        string? loadBalancerClass = null,
        string? etp = null,
        Dictionary<string, string>? annotations = null,
        bool finalizer = false,
        bool deleting = false) => new()
        {
            Metadata = new V1ObjectMeta
            {
                Name = "web",
                NamespaceProperty = "default",
                Annotations = annotations,
                Finalizers = finalizer ? [ServicePredicates.Finalizer] : null,
                DeletionTimestamp = deleting ? DateTime.UnixEpoch : null,
            },
            Spec = new V1ServiceSpec { Type = type, LoadBalancerClass = loadBalancerClass, ExternalTrafficPolicy = etp },
        };

    public static TheoryData<string, V1Service, bool> WantsCases => new()
    {
        { "plain LoadBalancer", Svc(), true },
        { "ClusterIP", Svc(type: "ClusterIP"), false },
        { "another class", Svc(loadBalancerClass: "alibabacloud.com/nlb"), false },
        { "class annotation", Svc(annotations: new() { [ServicePredicates.ClassAnnotation] = "other" }), false },
        { "tunnel", Svc(annotations: new() { [ServicePredicates.AnnotationPrefix + "tunnel-type"] = "x" }), false },
        { "being deleted", Svc(deleting: true, finalizer: true), false },
    };

    [Theory]
    [MemberData(nameof(WantsCases))]
    public void WantsLoadBalancer_follows_upstream_NeedCLB(string because, V1Service service, bool expected) =>
        Assert.True(expected == ServicePredicates.WantsLoadBalancer(service), because);

    [Theory]
    [InlineData("nlb")]
    [InlineData("clb")]
    public void With_the_LoadBalancerTypeAnnotation_gate_a_type_annotated_Service_is_another_controllers(string type)
    {
        var annotated = Svc(annotations: new() { [ServicePredicates.AnnotationPrefix + "type"] = type });
        Assert.True(ServicePredicates.WantsLoadBalancer(annotated, typeAnnotationGate: false));
        Assert.False(ServicePredicates.WantsLoadBalancer(annotated, typeAnnotationGate: true));
        Assert.True(ServicePredicates.WantsLoadBalancer(Svc(), typeAnnotationGate: true));

        var ours = Svc(annotations: new() { [ServicePredicates.AnnotationPrefix + "type"] = type }, finalizer: true);
        Assert.True(ServicePredicates.NeedsCleanup(ours, typeAnnotationGate: true)); // the gate turned on after we made its CLB
        Assert.False(ServicePredicates.IsManaged(annotated, typeAnnotationGate: true)); // never ours: no CLB, nothing deleted
    }

    [Fact]
    public void A_retyped_Service_with_our_finalizer_needs_cleanup() =>
        Assert.True(ServicePredicates.NeedsCleanup(Svc(type: "ClusterIP", finalizer: true)));

    [Fact]
    public void A_Service_we_never_touched_needs_no_cleanup() =>
        Assert.False(ServicePredicates.NeedsCleanup(Svc(type: "ClusterIP")));

    [Theory]
    [InlineData(null, null, false, true)]
    [InlineData("Cluster", null, false, true)]
    [InlineData("Local", null, false, false)]
    [InlineData("Local", "backend-label", false, true)]
    [InlineData("Cluster", null, true, false)]
    public void Backends_depend_on_nodes_for_Cluster_policy_or_node_selecting_annotations(
        string? etp, string? annotation, bool eniByDefault, bool expected)
    {
        var annotations = annotation is null ? null : new Dictionary<string, string> { [ServicePredicates.AnnotationPrefix + annotation] = "a=b" };

        Assert.Equal(expected, ServicePredicates.BackendsDependOnNodes(Svc(etp: etp, annotations: annotations), eniByDefault));
    }

    [Fact]
    public void The_new_annotation_prefix_wins_over_the_legacy_one()
    {
        var service = Svc(annotations: new()
        {
            [ServicePredicates.AnnotationPrefix + "address-type"] = "intranet",
            [ServicePredicates.LegacyAnnotationPrefix + "address-type"] = "internet",
        });

        Assert.Equal("intranet", ServicePredicates.LoadBalancerAnnotation(service, "address-type"));
    }
}
