using System.Text.Json.Nodes;

namespace Ccm.Chart.Tests;

/// <summary>The silo runs as the image's non-root user on a read-only root filesystem with no capabilities.</summary>
public sealed class SecurityContextTests
{
    [Theory]
    [InlineData(null)]
    [InlineData(ValueSets.HostNetworkOff)]
    [InlineData(ValueSets.NoAuth)]
    public async Task Pod_and_container_are_locked_down(string? valuesFile)
    {
        var chart = valuesFile is null ? await ChartRenderer.RenderAsync() : await ChartRenderer.RenderAsync(valuesFile);

        var expectedPod = JsonNode.Parse("""
            {"runAsNonRoot": true, "runAsUser": 1654, "runAsGroup": 1654, "fsGroup": 1654, "seccompProfile": {"type": "RuntimeDefault"}}
            """);
        var expectedContainer = JsonNode.Parse("""
            {"runAsNonRoot": true, "allowPrivilegeEscalation": false, "readOnlyRootFilesystem": true, "capabilities": {"drop": ["ALL"]}}
            """);
        Assert.True(JsonNode.DeepEquals(expectedPod, chart.PodSpec["securityContext"]), chart.PodSpec["securityContext"]!.ToJsonString());
        Assert.True(JsonNode.DeepEquals(expectedContainer, chart.Silo["securityContext"]), chart.Silo["securityContext"]!.ToJsonString());
    }

    [Fact]
    public async Task Only_tmp_is_writable_and_every_other_mount_is_read_only()
    {
        var chart = await ChartRenderer.RenderAsync();
        var mounts = chart.Silo["volumeMounts"]!.AsArray().Select(m => m!.AsObject()).ToList();

        Assert.Equal("64Mi", (string?)chart.Volume("tmp")["emptyDir"]!["sizeLimit"]);
        Assert.Equal("/tmp", (string?)mounts.Single(m => (string?)m["name"] == "tmp")["mountPath"]);
        Assert.All(mounts.Where(m => (string?)m["name"] != "tmp"), m => Assert.True((bool?)m["readOnly"]));
    }

    [Fact]
    public async Task Mounted_config_and_secret_files_are_readable_by_owner_and_group_only()
    {
        var chart = await ChartRenderer.RenderAsync();

        Assert.Equal(0x120, (int)chart.Volume("cloud-config")["configMap"]!["defaultMode"]!); // 0440
        Assert.Equal(0x120, (int)chart.Volume("dashboard-auth")["secret"]!["defaultMode"]!);
    }

    [Fact]
    public async Task Root_filesystem_stays_read_only_whatever_the_user_id()
    {
        var chart = await ChartRenderer.RenderWithAsync("--set", "podSecurityContext.runAsUser=2000");

        Assert.Equal(2000, (int)chart.PodSpec["securityContext"]!["runAsUser"]!);
        Assert.True((bool)chart.Silo["securityContext"]!["readOnlyRootFilesystem"]!);
    }
}
