using System.Text.Json.Nodes;

namespace Ccm.Chart.Tests;

/// <summary>The cloud-config file: rendered as upstream's ConfigMap, or an existing one, always at upstream's path.</summary>
public sealed class CloudConfigTests
{
    [Fact]
    public async Task Default_renders_an_empty_global_section_so_everything_comes_from_the_metadata_service()
    {
        var chart = await ChartRenderer.RenderAsync();

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"Global":{}}"""), CloudConfig(chart)));
    }

    [Fact]
    public async Task Values_render_with_upstream_key_spellings()
    {
        var chart = await ChartRenderer.RenderAsync(ValueSets.SecretCredentials);

        var expected = JsonNode.Parse("""
            {"Global": {"region": "cn-hangzhou", "vpcid": "vpc-bp1demo", "vswitchid": "cn-hangzhou-h:vsw-bp1a,cn-hangzhou-i:vsw-bp1b",
                        "zoneid": "cn-hangzhou-h", "clusterID": "demo-cluster"}}
            """);
        Assert.True(JsonNode.DeepEquals(expected, CloudConfig(chart)), CloudConfig(chart)!.ToJsonString());
    }

    [Fact]
    public async Task Route_tables_are_joined_with_commas_and_extra_keys_pass_through()
    {
        var chart = await ChartRenderer.RenderAsync(ValueSets.RamRole);

        var expected = JsonNode.Parse("""
            {"Global": {"region": "cn-hangzhou", "routeTableIDs": "vtb-bp1custom1,vtb-bp1custom2", "clusterID": "demo-cluster",
                        "resourceGroupID": "rg-demo", "disablePublicSLB": true}}
            """);
        Assert.True(JsonNode.DeepEquals(expected, CloudConfig(chart)), CloudConfig(chart)!.ToJsonString());
    }

    [Fact]
    public async Task Rendered_config_map_is_mounted_read_only_at_the_upstream_path()
    {
        var chart = await ChartRenderer.RenderAsync();
        var volume = chart.Volume("cloud-config")["configMap"]!;
        var mount = chart.Silo["volumeMounts"]!.AsArray().Single(m => (string?)m!["name"] == "cloud-config")!;

        Assert.Equal("cloud-config", (string?)volume["name"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""[{"key":"cloud-config.conf","path":"cloud-config.conf"}]"""), volume["items"]));
        Assert.Equal("/etc/kubernetes/config", (string?)mount["mountPath"]);
        Assert.True((bool)mount["readOnly"]!);
        Assert.Equal("/etc/kubernetes/config/cloud-config.conf", chart.Arg("--cloud-config"));
    }

    [Fact]
    public async Task Existing_config_map_is_mounted_by_name_and_key_and_nothing_is_rendered()
    {
        var chart = await ChartRenderer.RenderAsync(ValueSets.ExistingConfigMap);
        var volume = chart.Volume("cloud-config")["configMap"]!;

        Assert.False(chart.Has("ConfigMap"));
        Assert.Equal("upstream-cloud-config", (string?)volume["name"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""[{"key":"cloud.json","path":"cloud-config.conf"}]"""), volume["items"]));
        Assert.Equal("/etc/kubernetes/config/cloud-config.conf", chart.Arg("--cloud-config"));
        Assert.Null(chart.StatefulSet["spec"]!["template"]!["metadata"]!["annotations"]?["checksum/cloud-config"]);
    }

    internal static JsonNode? CloudConfig(RenderedChart chart) =>
        JsonNode.Parse((string)chart.Single("ConfigMap", "cloud-config")["data"]!["cloud-config.conf"]!);
}
