using Ccm.Sandbox.Tests.Kube.Support;

namespace Ccm.Sandbox.Tests.Kube;

public sealed class DiscoveryTests(KubeEmulatorFixture fixture) : IClassFixture<KubeEmulatorFixture>
{
    [Fact]
    public async Task Version_reports_a_minor_that_the_kubectl_dispatcher_has_a_binary_for()
    {
        var reply = await fixture.Http.GetAsync("/version");

        Assert.Equal("1", (string?)reply.Object["major"]);
        Assert.Equal("33", (string?)reply.Object["minor"]);
    }

    [Fact]
    public async Task Core_group_lists_v1_and_its_resources_with_verbs_short_names_and_subresources()
    {
        var versions = await fixture.Http.GetAsync("/api");
        var resources = await fixture.Http.GetAsync("/api/v1");

        Assert.Equal("application/json", versions.MediaType);
        Assert.Equal("v1", (string?)versions.Object["versions"]![0]);
        var byName = resources.Object["resources"]!.AsArray().ToDictionary(r => (string)r!["name"]!);
        var services = byName["services"]!;
        Assert.Equal("Service", (string?)services["kind"]);
        Assert.Equal("service", (string?)services["singularName"]);
        Assert.True((bool)services["namespaced"]!);
        Assert.Contains("svc", services["shortNames"]!.AsArray().Select(s => (string?)s));
        Assert.Contains("watch", services["verbs"]!.AsArray().Select(s => (string?)s));
        Assert.Contains("services/status", byName.Keys);
        Assert.Contains("nodes/status", byName.Keys);
        Assert.Contains("pods/status", byName.Keys);
        Assert.False((bool)byName["nodes"]!["namespaced"]!);
        foreach (var name in (string[])["namespaces", "endpoints", "events", "configmaps", "secrets", "serviceaccounts"])
        {
            Assert.Contains(name, byName.Keys);
        }
    }

    [Theory]
    [InlineData("apps", "deployments", "Deployment")]
    [InlineData("apps", "statefulsets", "StatefulSet")]
    [InlineData("discovery.k8s.io", "endpointslices", "EndpointSlice")]
    [InlineData("coordination.k8s.io", "leases", "Lease")]
    [InlineData("events.k8s.io", "events", "Event")]
    [InlineData("policy", "poddisruptionbudgets", "PodDisruptionBudget")]
    [InlineData("rbac.authorization.k8s.io", "clusterroles", "ClusterRole")]
    [InlineData("rbac.authorization.k8s.io", "clusterrolebindings", "ClusterRoleBinding")]
    [InlineData("rbac.authorization.k8s.io", "roles", "Role")]
    [InlineData("rbac.authorization.k8s.io", "rolebindings", "RoleBinding")]
    public async Task Named_groups_are_discoverable(string group, string plural, string kind)
    {
        var groups = await fixture.Http.GetAsync("/apis");
        var list = await fixture.Http.GetAsync($"/apis/{group}/v1");

        Assert.Contains(group, groups.Object["groups"]!.AsArray().Select(g => (string?)g!["name"]));
        Assert.Equal($"{group}/v1", (string?)list.Object["groupVersion"]);
        Assert.Contains(list.Object["resources"]!.AsArray(), r => (string?)r!["name"] == plural && (string?)r["kind"] == kind);
    }

    [Fact]
    public async Task Deployments_offer_status_and_scale_subresources()
    {
        var list = await fixture.Http.GetAsync("/apis/apps/v1");

        var names = list.Object["resources"]!.AsArray().Select(r => (string?)r!["name"]).ToList();
        Assert.Contains("deployments/status", names);
        Assert.Contains("deployments/scale", names);
    }

    [Fact]
    public async Task OpenApi_v3_patch_operations_carry_the_gvk_and_the_fieldValidation_parameter()
    {
        var index = await fixture.Http.GetAsync("/openapi/v3");
        var url = (string)index.Object["paths"]!["apis/apps/v1"]!["serverRelativeURL"]!;
        var document = await fixture.Http.GetAsync(url);

        var patch = document.Object["paths"]!["/apis/apps/v1/namespaces/{namespace}/deployments/{name}"]!["patch"]!;
        Assert.Equal("Deployment", (string?)patch["x-kubernetes-group-version-kind"]!["kind"]);
        Assert.Equal("apps", (string?)patch["x-kubernetes-group-version-kind"]!["group"]);
        Assert.Contains(patch["parameters"]!.AsArray(), p => (string?)p!["name"] == "fieldValidation" && (string?)p["in"] == "query");
    }

    [Fact]
    public async Task Unknown_paths_are_404_Status_objects()
    {
        var reply = await fixture.Http.GetAsync("/apis/nope.example.com/v1");
        var resource = await fixture.Http.GetAsync("/api/v1/namespaces/default/widgets");

        Assert.Equal(404, reply.Status);
        Assert.Equal("Status", (string?)reply.Object["kind"]);
        Assert.Equal("NotFound", reply.Reason);
        Assert.Equal(404, resource.Status);
    }
}
