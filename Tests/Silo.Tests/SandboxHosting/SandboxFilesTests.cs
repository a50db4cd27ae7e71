using Ccm.Sandbox.Demo;
using Ccm.Silo.CloudConfiguration;
using Ccm.Silo.SandboxHosting;

namespace Ccm.Silo.Tests.SandboxHosting;

public sealed class SandboxFilesTests
{
    [Fact]
    public void The_cloud_config_is_upstream_json_naming_the_demo_world()
    {
        var text = SandboxFiles.CloudConfig("LTAIsandboxkey", "sandbox-secret-value");

        var config = CloudConfigReader.Parse(text, "cloud-config.json").Config;
        Assert.Equal(("LTAIsandboxkey", "sandbox-secret-value"), (config.AccessKey!.AccessKeyId, config.AccessKey.AccessKeySecret));
        Assert.Equal((DemoWorld.RegionId, DemoWorld.VpcId, DemoWorld.ClusterId), (config.Region, config.VpcId, config.ClusterId));
        Assert.Equal(DemoWorld.CustomRouteTableIds, config.RouteTableIds);
        Assert.Equal(DemoWorld.VSwitches.Select(v => v.VSwitchId), config.VSwitches.Select(v => v.VSwitchId));
        Assert.Contains("\"routeTableIDs\": \"vtb-bp1sandboxcustom0001, vtb-bp1sandboxcustom0002\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("sandbox-secret-value", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_env_file_points_every_endpoint_at_the_emulator_over_http()
    {
        var text = SandboxFiles.EnvFile(SandboxFiles.Endpoints(new Uri("http://127.0.0.1:4321/")));
        Assert.Equal(
            "ALICLOUD_CLIENT_SCHEME=HTTP\nECS_ENDPOINT=127.0.0.1:4321\nMETADATA_ENDPOINT=http://127.0.0.1:4321\nSLB_ENDPOINT=127.0.0.1:4321\nVPC_ENDPOINT=127.0.0.1:4321\n",
            text);
    }
}
