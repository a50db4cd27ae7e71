using System.Text.Json.Nodes;

namespace Ccm.Chart.Tests;

/// <summary>Where silos run: control-plane nodes, one per node when they share the host's network.</summary>
public sealed class SchedulingTests
{
    [Fact]
    public async Task Node_affinity_ors_the_control_plane_and_legacy_master_labels()
    {
        var chart = await ChartRenderer.RenderAsync();
        var terms = chart.PodSpec["affinity"]!["nodeAffinity"]!["requiredDuringSchedulingIgnoredDuringExecution"]!["nodeSelectorTerms"]!;

        var expected = JsonNode.Parse("""
            [{"matchExpressions": [{"key": "node-role.kubernetes.io/control-plane", "operator": "Exists"}]},
             {"matchExpressions": [{"key": "node-role.kubernetes.io/master", "operator": "Exists"}]}]
            """);
        Assert.True(JsonNode.DeepEquals(expected, terms), terms.ToJsonString());
        Assert.Null(chart.PodSpec["nodeSelector"]);
    }

    [Fact]
    public async Task Tolerates_both_control_plane_taints_and_the_uninitialized_node()
    {
        var chart = await ChartRenderer.RenderAsync();

        Assert.Equal(
            ["node-role.kubernetes.io/control-plane", "node-role.kubernetes.io/master",
             "node.cloudprovider.kubernetes.io/uninitialized", "node.kubernetes.io/not-ready"],
            Tolerations(chart).Select(t => (string)t["key"]!));
        Assert.All(Tolerations(chart), t =>
        {
            Assert.Equal("Exists", (string?)t["operator"]);
            Assert.Equal("NoSchedule", (string?)t["effect"]);
        });
    }

    [Fact]
    public async Task Host_network_requires_one_silo_per_node_and_uses_the_host_resolvers()
    {
        var chart = await ChartRenderer.RenderAsync();
        var antiAffinity = chart.PodSpec["affinity"]!["podAntiAffinity"]!.AsObject();
        var required = antiAffinity["requiredDuringSchedulingIgnoredDuringExecution"]!.AsArray().Single()!;

        Assert.True((bool)chart.PodSpec["hostNetwork"]!);
        Assert.Equal("Default", (string?)chart.PodSpec["dnsPolicy"]);
        Assert.False(antiAffinity.ContainsKey("preferredDuringSchedulingIgnoredDuringExecution"));
        Assert.Equal("kubernetes.io/hostname", (string?)required["topologyKey"]);
        Assert.Equal("silo", (string?)required["labelSelector"]!["matchLabels"]!["app.kubernetes.io/component"]);
    }

    [Fact]
    public async Task Pod_network_prefers_spreading_and_uses_cluster_dns()
    {
        var chart = await ChartRenderer.RenderAsync(ValueSets.HostNetworkOff);
        var affinity = chart.PodSpec["affinity"]!.AsObject();
        var preferred = affinity["podAntiAffinity"]!["preferredDuringSchedulingIgnoredDuringExecution"]!.AsArray().Single()!;

        Assert.False((bool)chart.PodSpec["hostNetwork"]!);
        Assert.Equal("ClusterFirst", (string?)chart.PodSpec["dnsPolicy"]);
        Assert.False(affinity.ContainsKey("nodeAffinity"));
        Assert.Null(affinity["podAntiAffinity"]!["requiredDuringSchedulingIgnoredDuringExecution"]);
        Assert.Equal("kubernetes.io/hostname", (string?)preferred["podAffinityTerm"]!["topologyKey"]);
    }

    [Fact]
    public async Task Explicit_dns_policy_wins()
    {
        var chart = await ChartRenderer.RenderWithAsync("--set", "dnsPolicy=ClusterFirstWithHostNet");

        Assert.Equal("ClusterFirstWithHostNet", (string?)chart.PodSpec["dnsPolicy"]);
    }

    [Fact]
    public async Task Three_replicas_keep_the_chart_scheduling_and_add_the_operator_extras()
    {
        var chart = await ChartRenderer.RenderAsync(ValueSets.ThreeReplicas);
        var template = chart.StatefulSet["spec"]!["template"]!;

        Assert.Equal(3, (int)chart.StatefulSet["spec"]!["replicas"]!);
        Assert.Equal("dedicated", (string?)Tolerations(chart)[^1]["key"]);
        Assert.Equal(5, Tolerations(chart).Count);
        Assert.Equal("linux", (string?)chart.PodSpec["nodeSelector"]!["kubernetes.io/os"]);
        Assert.NotNull(chart.PodSpec["affinity"]!["nodeAffinity"]);
        Assert.Equal("platform", (string?)template["metadata"]!["annotations"]!["example.com/team"]);
        Assert.Equal("control-plane", (string?)template["metadata"]!["labels"]!["tier"]);
        Assert.Equal("registry.example.com/ccm/silo:1.2.3", (string?)chart.Silo["image"]);
        Assert.Equal("Always", (string?)chart.Silo["imagePullPolicy"]);
        Assert.Equal("regcred", (string?)chart.PodSpec["imagePullSecrets"]![0]!["name"]);
    }

    [Fact]
    public async Task Affinity_value_replaces_the_chart_affinity()
    {
        var chart = await ChartRenderer.RenderWithAsync("--set", "affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].key=pool",
            "--set", "affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].operator=Exists");
        var affinity = chart.PodSpec["affinity"]!.AsObject();

        Assert.Equal(["nodeAffinity"], affinity.Select(p => p.Key));
        Assert.Equal("pool", (string?)affinity["nodeAffinity"]!["requiredDuringSchedulingIgnoredDuringExecution"]!["nodeSelectorTerms"]![0]!["matchExpressions"]![0]!["key"]);
    }

    private static List<JsonObject> Tolerations(RenderedChart chart) =>
        [.. chart.PodSpec["tolerations"]!.AsArray().Select(t => t!.AsObject())];
}
