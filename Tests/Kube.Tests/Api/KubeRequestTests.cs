using Ccm.Kube.Api;
using Ccm.Kube.Models;

namespace Ccm.Kube.Tests.Api;

public class KubeRequestTests
{
    public static TheoryData<KubeResource, string?, string?, string?, string> Paths => new()
    {
        { Service.Resource, "default", null, null, "/api/v1/namespaces/default/services" },
        { Service.Resource, null, null, null, "/api/v1/services" },
        { Service.Resource, "default", "web", "status", "/api/v1/namespaces/default/services/web/status" },
        { Node.Resource, "ignored", "n1", null, "/api/v1/nodes/n1" },
        { EndpointSlice.Resource, "kube-system", "s", null, "/apis/discovery.k8s.io/v1/namespaces/kube-system/endpointslices/s" },
        { Lease.Resource, "kube-system", "ccm", null, "/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/ccm" },
        { EventsV1Event.Resource, "ns", null, null, "/apis/events.k8s.io/v1/namespaces/ns/events" },
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public void Paths_follow_the_group_and_scope_of_the_kind(KubeResource resource, string? ns, string? name, string? subresource, string expected)
    {
        var request = KubeRequest.For(HttpMethod.Get, "get", resource, ns, name, subresource);

        Assert.Equal(expected, request.PathAndQuery);
    }

    [Fact]
    public void Query_values_are_escaped_and_unset_ones_left_out()
    {
        var options = new ListOptions { LabelSelector = "app in (a,b),tier!=db", Limit = 10 };

        var request = KubeRequest.For(HttpMethod.Get, "list", Service.Resource, "default", null, null, options.QueryParameters());

        Assert.Equal("/api/v1/namespaces/default/services?labelSelector=app%20in%20%28a%2Cb%29%2Ctier%21%3Ddb&limit=10", request.PathAndQuery);
    }

    [Fact]
    public void The_call_names_what_rbac_checks()
    {
        var request = KubeRequest.For(HttpMethod.Patch, "patch", Service.Resource, "default", "web", "status");

        Assert.Equal(new KubeCall("patch", "", "services", "status", "default"), request.Call);
        Assert.Equal("services/status", request.Call.RbacResource);
    }

    [Fact]
    public void Cluster_scoped_calls_have_no_namespace()
    {
        var request = KubeRequest.For(HttpMethod.Get, "get", Node.Resource, "default", "n1", null);

        Assert.Null(request.Call.Namespace);
    }

    [Fact]
    public void A_namespaced_item_needs_a_namespace()
    {
        Assert.Throws<ArgumentException>(() => KubeRequest.For(HttpMethod.Get, "get", Service.Resource, null, "web", null));
    }
}
