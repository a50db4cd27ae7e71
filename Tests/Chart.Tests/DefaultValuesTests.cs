using System.Text.Json.Nodes;

namespace Ccm.Chart.Tests;

/// <summary>What the chart renders with no values at all: the configuration an operator gets by default.</summary>
public sealed class DefaultValuesTests
{
    [Fact]
    public async Task Renders_exactly_the_expected_objects()
    {
        var chart = await ChartRenderer.RenderAsync();

        var objects = chart.Objects.Select(o => $"{o["kind"]}/{o["metadata"]!["name"]}").Order().ToList();
        Assert.Equal(
        [
            "ClusterRole/ccm", "ClusterRoleBinding/ccm", "ConfigMap/cloud-config", "PodDisruptionBudget/ccm", "Role/ccm",
            "RoleBinding/ccm", "Secret/ccm-dashboard-auth", "Secret/ccm-silo-tls", "Service/ccm-dashboard", "Service/ccm-silos",
            "ServiceAccount/ccm", "StatefulSet/ccm",
        ], objects);
        Assert.All(chart.Objects.Where(o => o["kind"]!.GetValue<string>() is not ("ClusterRole" or "ClusterRoleBinding")),
            o => Assert.Equal(ChartRenderer.Namespace, (string?)o["metadata"]!["namespace"]));
    }

    [Fact]
    public async Task Runs_two_silos_as_a_statefulset_behind_a_headless_service()
    {
        var chart = await ChartRenderer.RenderAsync();
        var spec = chart.StatefulSet["spec"]!;
        var headless = chart.Single("Service", "ccm-silos")["spec"]!;

        Assert.Equal(2, (int)spec["replicas"]!);
        Assert.Equal("ccm-silos", (string?)spec["serviceName"]);
        Assert.Equal("Parallel", (string?)spec["podManagementPolicy"]);
        Assert.Equal("None", (string?)headless["clusterIP"]);
        Assert.True((bool)headless["publishNotReadyAddresses"]!);
        Assert.True(JsonNode.DeepEquals(spec["selector"]!["matchLabels"], headless["selector"]));
        Assert.Equal("ccm-silo:0.1.0", (string?)chart.Silo["image"]);
    }

    [Fact]
    public async Task Selectors_of_services_and_budget_match_the_pod_labels()
    {
        var chart = await ChartRenderer.RenderAsync();
        var podLabels = chart.StatefulSet["spec"]!["template"]!["metadata"]!["labels"]!.AsObject();
        var selectors = new[]
        {
            chart.StatefulSet["spec"]!["selector"]!["matchLabels"]!.AsObject(),
            chart.Single("Service", "ccm-silos")["spec"]!["selector"]!.AsObject(),
            chart.Single("Service", "ccm-dashboard")["spec"]!["selector"]!.AsObject(),
            chart.Single("PodDisruptionBudget")["spec"]!["selector"]!["matchLabels"]!.AsObject(),
        };

        Assert.All(selectors, selector => Assert.All(selector, label =>
            Assert.Equal((string?)label.Value, (string?)podLabels[label.Key])));
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 3)]
    [InlineData(5, 3)]
    [InlineData(8, 5)]
    public async Task Budget_keeps_a_majority_of_silos_but_never_all_of_them(int replicas, int minAvailable)
    {
        var budget = (await ChartRenderer.RenderWithAsync("--set", $"replicaCount={replicas}")).Single("PodDisruptionBudget");

        Assert.Equal("policy/v1", (string?)budget["apiVersion"]);
        Assert.Equal(minAvailable, (int)budget["spec"]!["minAvailable"]!);
        Assert.Null(budget["spec"]!["maxUnavailable"]);
    }

    [Fact]
    public async Task A_single_silo_gets_no_budget_and_a_given_minimum_is_kept()
    {
        var single = await ChartRenderer.RenderWithAsync("--set", "replicaCount=1", "--set", "silo.leaderElection.enabled=false");
        var given = await ChartRenderer.RenderWithAsync("--set", "replicaCount=5", "--set", "podDisruptionBudget.minAvailable=4");

        Assert.False(single.Has("PodDisruptionBudget"));
        Assert.Equal(4, (int)given.Single("PodDisruptionBudget")["spec"]!["minAvailable"]!);
    }

    [Fact]
    public async Task Probes_hit_healthz_and_readyz_on_port_10258()
    {
        var chart = await ChartRenderer.RenderAsync();
        var silo = chart.Silo;
        var health = silo["ports"]!.AsArray().Single(p => (string?)p!["name"] == "health")!;

        Assert.Equal(10258, (int)health["containerPort"]!);
        Assert.Equal("/healthz", (string?)silo["livenessProbe"]!["httpGet"]!["path"]);
        Assert.Equal("/healthz", (string?)silo["startupProbe"]!["httpGet"]!["path"]);
        Assert.Equal("/readyz", (string?)silo["readinessProbe"]!["httpGet"]!["path"]);
        Assert.All(new[] { "livenessProbe", "startupProbe", "readinessProbe" },
            probe => Assert.Equal("health", (string?)silo[probe]!["httpGet"]!["port"]));
        Assert.Equal("$(POD_IP):10258", chart.Arg("--health-probe-bind-addr"));
        Assert.True(chart.Env.ContainsKey("POD_IP")); // the kubelet expands $(POD_IP) from it
    }

    [Fact]
    public async Task Health_listens_on_every_interface_only_when_asked()
    {
        var chart = await ChartRenderer.RenderWithAsync("--set", "silo.healthBindPodIP=false");

        Assert.Equal(":10258", chart.Arg("--health-probe-bind-addr"));
    }

    [Fact]
    public async Task Silo_knows_its_pod_name_namespace_and_ip_from_the_downward_api()
    {
        var env = (await ChartRenderer.RenderAsync()).Env;

        Assert.Equal("metadata.name", (string?)env["POD_NAME"]["valueFrom"]!["fieldRef"]!["fieldPath"]);
        Assert.Equal("metadata.namespace", (string?)env["POD_NAMESPACE"]["valueFrom"]!["fieldRef"]!["fieldPath"]);
        Assert.Equal("status.podIP", (string?)env["POD_IP"]["valueFrom"]!["fieldRef"]!["fieldPath"]);
        Assert.Equal(["POD_IP", "POD_NAME", "POD_NAMESPACE"], env.Keys.Order());
    }

    [Fact]
    public async Task Grace_period_covers_the_lease_duration_and_the_drain()
    {
        var chart = await ChartRenderer.RenderAsync();

        Assert.Equal(60, (int)chart.PodSpec["terminationGracePeriodSeconds"]!);
        Assert.Equal("15s", chart.Arg("--leader-elect-lease-duration"));
    }

    [Fact]
    public async Task Resources_request_cpu_and_memory_and_limit_memory_only()
    {
        var resources = (await ChartRenderer.RenderAsync()).Silo["resources"]!;

        Assert.Equal("100m", (string?)resources["requests"]!["cpu"]);
        Assert.Equal("128Mi", (string?)resources["requests"]!["memory"]);
        Assert.Equal("512Mi", (string?)resources["limits"]!["memory"]);
        Assert.Null(resources["limits"]!["cpu"]);
    }

    [Fact]
    public async Task Silos_are_system_cluster_critical_and_use_their_own_service_account()
    {
        var chart = await ChartRenderer.RenderAsync();

        Assert.Equal("system-cluster-critical", (string?)chart.PodSpec["priorityClassName"]);
        Assert.Equal("ccm", (string?)chart.PodSpec["serviceAccountName"]);
        Assert.False((bool)chart.PodSpec["enableServiceLinks"]!);
    }

    [Fact]
    public async Task Pod_template_carries_a_checksum_of_the_rendered_cloud_config()
    {
        var plain = await ChartRenderer.RenderAsync();
        var withRoutes = await ChartRenderer.RenderAsync(ValueSets.RamRole);

        static string? Checksum(RenderedChart c) =>
            (string?)c.StatefulSet["spec"]!["template"]!["metadata"]!["annotations"]!["checksum/cloud-config"];
        Assert.Matches("^[0-9a-f]{64}$", Checksum(plain));
        Assert.NotEqual(Checksum(plain), Checksum(withRoutes));
    }
}
