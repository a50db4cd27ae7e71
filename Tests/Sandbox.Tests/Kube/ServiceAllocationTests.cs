using System.Net;
using System.Text.Json.Nodes;
using Ccm.Sandbox.Tests.Kube.Support;

namespace Ccm.Sandbox.Tests.Kube;

public sealed class ServiceAllocationTests(KubeEmulatorFixture fixture) : IClassFixture<KubeEmulatorFixture>
{
    private KubeHttp Http => fixture.Http;

    [Fact]
    public async Task A_ClusterIP_service_gets_an_address_from_the_service_cidr_and_the_defaults()
    {
        var ns = fixture.NewNamespace();

        var spec = (await Http.PostAsync(Manifests.Path(ns, "services"), Manifests.Service("a", ns))).Object["spec"]!;

        var ip = IPAddress.Parse((string)spec["clusterIP"]!).GetAddressBytes();
        Assert.Equal(10, ip[0]);
        Assert.InRange(ip[1], 96, 111);
        Assert.Equal((string?)spec["clusterIP"], (string?)spec["clusterIPs"]![0]);
        Assert.Equal("None", (string?)spec["sessionAffinity"]);
        Assert.Equal("Cluster", (string?)spec["internalTrafficPolicy"]);
        Assert.Equal("SingleStack", (string?)spec["ipFamilyPolicy"]);
        Assert.Equal("IPv4", (string?)spec["ipFamilies"]![0]);
        Assert.Null(spec["externalTrafficPolicy"]);
        Assert.Equal("TCP", (string?)spec["ports"]![0]!["protocol"]);
        Assert.Null(spec["ports"]![0]!["nodePort"]);
    }

    [Fact]
    public async Task The_kubernetes_service_holds_the_first_address()
    {
        var reply = await Http.GetAsync("/api/v1/namespaces/default/services/kubernetes");

        Assert.Equal("10.96.0.1", (string?)reply.Object["spec"]!["clusterIP"]);
        Assert.Equal(443, (int)reply.Object["spec"]!["ports"]![0]!["port"]!);
    }

    [Fact]
    public async Task Target_port_defaults_to_port()
    {
        var ns = fixture.NewNamespace();
        var svc = Manifests.Service("t", ns);
        svc["spec"]!["ports"]![0]!.AsObject().Remove("targetPort");

        var spec = (await Http.PostAsync(Manifests.Path(ns, "services"), svc)).Object["spec"]!;

        Assert.Equal(80, (int)spec["ports"]![0]!["targetPort"]!);
    }

    [Theory]
    [InlineData("NodePort")]
    [InlineData("LoadBalancer")]
    public async Task NodePort_and_LoadBalancer_services_get_unique_node_ports_in_range(string type)
    {
        var ns = fixture.NewNamespace();

        var first = (await Http.PostAsync(Manifests.Path(ns, "services"), Manifests.Service("a", ns, type, 80, 443))).Object["spec"]!;
        var second = (await Http.PostAsync(Manifests.Path(ns, "services"), Manifests.Service("b", ns, type, 80))).Object["spec"]!;

        var ports = first["ports"]!.AsArray().Concat(second["ports"]!.AsArray()).Select(p => (int)p!["nodePort"]!).ToList();
        Assert.All(ports, p => Assert.InRange(p, 30000, 32767));
        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.Equal("Cluster", (string?)first["externalTrafficPolicy"]);
    }

    [Fact]
    public async Task A_requested_node_port_that_is_taken_is_422()
    {
        var ns = fixture.NewNamespace();
        var first = (await Http.PostAsync(Manifests.Path(ns, "services"), Manifests.Service("a", ns, "NodePort"))).Object;
        var taken = (int)first["spec"]!["ports"]![0]!["nodePort"]!;
        var second = Manifests.Service("b", ns, "NodePort");
        second["spec"]!["ports"]![0]!["nodePort"] = taken;

        var reply = await Http.PostAsync(Manifests.Path(ns, "services"), second);

        Assert.Equal(422, reply.Status);
        Assert.Contains("provided port is already allocated", (string?)reply.Object["message"]);
        Assert.Equal("spec.ports[0].nodePort", (string?)reply.Object["details"]!["causes"]![0]!["field"]);
    }

    [Fact]
    public async Task Node_ports_and_cluster_ips_are_released_on_delete()
    {
        var ns = fixture.NewNamespace();
        var svc = Manifests.Service("a", ns, "NodePort");
        svc["spec"]!["ports"]![0]!["nodePort"] = 30007;
        svc["spec"]!["clusterIP"] = "10.96.0.77";
        Assert.Equal(201, (await Http.PostAsync(Manifests.Path(ns, "services"), svc.DeepClone())).Status);

        await Http.DeleteAsync(Manifests.Path(ns, "services", "a"));
        var again = await Http.PostAsync(Manifests.Path(ns, "services"), svc);

        Assert.Equal(201, again.Status);
        Assert.Equal(30007, (int)again.Object["spec"]!["ports"]![0]!["nodePort"]!);
        Assert.Equal("10.96.0.77", (string?)again.Object["spec"]!["clusterIP"]);
    }

    [Fact]
    public async Task A_taken_or_foreign_cluster_ip_is_422()
    {
        var ns = fixture.NewNamespace();
        var taken = Manifests.Service("a", ns);
        taken["spec"]!["clusterIP"] = "10.96.0.1";
        var foreign = Manifests.Service("b", ns);
        foreign["spec"]!["clusterIP"] = "192.168.1.1";

        var first = await Http.PostAsync(Manifests.Path(ns, "services"), taken);
        var second = await Http.PostAsync(Manifests.Path(ns, "services"), foreign);

        Assert.Equal(422, first.Status);
        Assert.Contains("already allocated", (string?)first.Object["message"]);
        Assert.Equal(422, second.Status);
        Assert.Contains("not in the valid range", (string?)second.Object["message"]);
    }

    [Fact]
    public async Task Cluster_ip_is_immutable_and_kept_when_an_update_omits_it()
    {
        var ns = fixture.NewNamespace();
        var created = (await Http.PostAsync(Manifests.Path(ns, "services"), Manifests.Service("a", ns, "NodePort"))).Object;
        var ip = (string?)created["spec"]!["clusterIP"];
        var nodePort = (int)created["spec"]!["ports"]![0]!["nodePort"]!;

        var replaced = await Http.PutAsync(Manifests.Path(ns, "services", "a"), Manifests.Service("a", ns, "NodePort"));
        var changed = Manifests.Service("a", ns, "NodePort");
        changed["spec"]!["clusterIP"] = "10.96.0.99";
        var rejected = await Http.PutAsync(Manifests.Path(ns, "services", "a"), changed);

        Assert.Equal(200, replaced.Status);
        Assert.Equal(ip, (string?)replaced.Object["spec"]!["clusterIP"]);
        Assert.Equal(nodePort, (int)replaced.Object["spec"]!["ports"]![0]!["nodePort"]!);
        Assert.Equal(422, rejected.Status);
    }

    [Fact]
    public async Task Changing_to_ClusterIP_drops_node_ports_and_external_traffic_policy()
    {
        var ns = fixture.NewNamespace();
        var created = (await Http.PostAsync(Manifests.Path(ns, "services"), Manifests.Service("a", ns, "LoadBalancer"))).Object;
        var nodePort = (int)created["spec"]!["ports"]![0]!["nodePort"]!;

        var patched = await Http.PatchAsync(Manifests.Path(ns, "services", "a"), KubeHttp.MergePatch, """{"spec":{"type":"ClusterIP"}}""");
        var reuse = Manifests.Service("b", ns, "NodePort");
        reuse["spec"]!["ports"]![0]!["nodePort"] = nodePort;
        var reused = await Http.PostAsync(Manifests.Path(ns, "services"), reuse);

        Assert.Equal(200, patched.Status);
        Assert.Null(patched.Object["spec"]!["ports"]![0]!["nodePort"]);
        Assert.Null(patched.Object["spec"]!["externalTrafficPolicy"]);
        Assert.Null(patched.Object["spec"]!["allocateLoadBalancerNodePorts"]);
        Assert.Equal(201, reused.Status);
    }

    [Fact]
    public async Task Local_traffic_policy_load_balancers_get_a_health_check_node_port()
    {
        var ns = fixture.NewNamespace();
        var svc = Manifests.Service("a", ns, "LoadBalancer");
        svc["spec"]!["externalTrafficPolicy"] = "Local";

        var spec = (await Http.PostAsync(Manifests.Path(ns, "services"), svc)).Object["spec"]!;

        Assert.InRange((int)spec["healthCheckNodePort"]!, 30000, 32767);
        Assert.NotEqual((int)spec["healthCheckNodePort"]!, (int)spec["ports"]![0]!["nodePort"]!);
    }

    [Fact]
    public async Task Headless_and_ExternalName_services_get_no_cluster_ip()
    {
        var ns = fixture.NewNamespace();
        var headless = Manifests.Service("h", ns);
        headless["spec"]!["clusterIP"] = "None";
        var external = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Service",
            ["metadata"] = new JsonObject { ["name"] = "e" },
            ["spec"] = new JsonObject { ["type"] = "ExternalName", ["externalName"] = "example.com" },
        };

        var h = (await Http.PostAsync(Manifests.Path(ns, "services"), headless)).Object["spec"]!;
        var e = (await Http.PostAsync(Manifests.Path(ns, "services"), external)).Object["spec"]!;

        Assert.Equal("None", (string?)h["clusterIP"]);
        Assert.Null(e["clusterIP"]);
    }

    [Fact]
    public async Task Multiple_ports_need_names()
    {
        var ns = fixture.NewNamespace();
        var svc = Manifests.Service("a", ns, "ClusterIP", 80, 81);
        svc["spec"]!["ports"]![1]!.AsObject().Remove("name");

        var reply = await Http.PostAsync(Manifests.Path(ns, "services"), svc);

        Assert.Equal(422, reply.Status);
        Assert.Equal("spec.ports[1].name", (string?)reply.Object["details"]!["causes"]![0]!["field"]);
    }

    [Fact]
    public async Task A_failed_create_gives_its_allocations_back()
    {
        var ns = fixture.NewNamespace();
        var bad = Manifests.Service("a", ns, "NodePort", 80, 81);
        bad["spec"]!["ports"]![0]!["nodePort"] = 30011;
        bad["spec"]!["ports"]![1]!["nodePort"] = 99999;
        var good = Manifests.Service("b", ns, "NodePort");
        good["spec"]!["ports"]![0]!["nodePort"] = 30011;

        Assert.Equal(422, (await Http.PostAsync(Manifests.Path(ns, "services"), bad)).Status);
        var reply = await Http.PostAsync(Manifests.Path(ns, "services"), good);

        Assert.Equal(201, reply.Status);
    }
}
