using System.Text.Json;
using Ccm.Sandbox.Demo;
using Ccm.TestSupport;

namespace Ccm.Sandbox.Tests.Aliyun;

/// <summary>
/// The official Node.js SDKs drive the standalone emulator: pop-core (V2) and the generated vpc20160428/ecs20140526
/// clients (V3), whose typed models reject misnamed or mistyped fields. The scripts live in <c>Tests/interop/aliyun/</c>.
/// </summary>
public sealed class InteropTests
{
    [Fact]
    public async Task Pop_core_runs_a_load_balancers_whole_life()
    {
        await using var emulator = await StandaloneEmulator.StartAsync();
        var result = await RunAsync(emulator, "clb-lifecycle.js");
        Assert.Equal("vpc", result.GetProperty("networkType").GetString());
        Assert.Equal(3, result.GetProperty("addedBackends").GetInt32());
        Assert.Equal(("stopped", "running"), (result.GetProperty("statusBeforeStart").GetString(), result.GetProperty("listenerStatus").GetString()));
        Assert.Equal(result.GetProperty("vServerGroupId").GetString(), result.GetProperty("listenerVServerGroupId").GetString());
        Assert.Equal(3, result.GetProperty("healthCheckInterval").GetInt32());
        Assert.Equal("tcp", result.GetProperty("attributeProtocal")[0].GetProperty("ListenerProtocal").GetString());
        var listed = Assert.Single(result.GetProperty("listedListeners").EnumerateArray());
        Assert.Equal((80, "running", "on"), (listed.GetProperty("port").GetInt32(), listed.GetProperty("status").GetString(), listed.GetProperty("healthCheck").GetString()));
        Assert.Equal(DemoWorld.Nodes.Select(n => n.InstanceId), result.GetProperty("groupBackends").EnumerateArray().Select(b => b.GetString()));
        Assert.Equal([result.GetProperty("loadBalancerId").GetString()], result.GetProperty("foundByTag").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("InvalidLoadBalancerId.NotFound", result.GetProperty("afterDelete").GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_V3_SDKs_manage_route_entries_and_read_instances()
    {
        await using var emulator = await StandaloneEmulator.StartAsync("--route-entry-delay-ms", "300");
        var result = await RunAsync(emulator, "vpc-ecs-v3.js");
        Assert.Equal(3, result.GetProperty("totalTables").GetInt32());
        Assert.Equal("Pending", result.GetProperty("pendingStatus").GetString());
        var entry = result.GetProperty("availableEntry");
        Assert.Equal(("172.20.9.0/24", "Custom", "Available", DemoWorld.Nodes[0].InstanceId),
            (entry.GetProperty("cidr").GetString(), entry.GetProperty("type").GetString(), entry.GetProperty("status").GetString(),
             entry.GetProperty("nextHops")[0].GetProperty("id").GetString()));
        Assert.Equal(2, result.GetProperty("firstPageSize").GetInt32());
        Assert.Equal(3, result.GetProperty("firstTotal").GetInt32());
        Assert.Equal("", result.GetProperty("secondNextToken").GetString());
        var paged = result.GetProperty("firstPage").EnumerateArray().Concat(result.GetProperty("secondPage").EnumerateArray())
            .Select(i => (i.GetProperty("id").GetString(), i.GetProperty("ip").GetString(), i.GetProperty("zone").GetString()));
        Assert.Equal(DemoWorld.Nodes.Select(n => ((string?)n.InstanceId, (string?)n.PrivateIp, (string?)n.ZoneId)), paged);
        Assert.Equal(DemoWorld.Nodes[1].InstanceId, Assert.Single(result.GetProperty("byIp").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Both_SDK_generations_get_SignatureDoesNotMatch_for_a_wrong_secret()
    {
        await using var emulator = await StandaloneEmulator.StartAsync();
        var result = await RunAsync(emulator, "wrong-secret.js");
        Assert.Equal("SignatureDoesNotMatch", result.GetProperty("v2").GetProperty("code").GetString());
        Assert.Equal("SignatureDoesNotMatch", result.GetProperty("v3").GetProperty("code").GetString());
        Assert.Contains("server string to sign is:", result.GetProperty("v3").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> RunAsync(StandaloneEmulator emulator, string script)
    {
        var environment = new Dictionary<string, string>
        {
            ["ALIYUN_ENDPOINT"] = emulator.BaseAddress.GetLeftPart(UriPartial.Authority),
            ["ALIYUN_ACCESS_KEY_ID"] = EmulatorFixture.AccessKeyId,
            ["ALIYUN_ACCESS_KEY_SECRET"] = EmulatorFixture.AccessKeySecret,
            ["ALIYUN_INSTANCE_IDS"] = JsonSerializer.Serialize(DemoWorld.Nodes.Select(n => n.InstanceId)),
            ["ALIYUN_VSWITCH_ID"] = DemoWorld.VSwitches[0].VSwitchId,
            ["ALIYUN_VPC_ID"] = DemoWorld.VpcId,
            ["ALIYUN_ROUTE_TABLE_ID"] = DemoWorld.CustomRouteTableIds[0],
            ["ALIYUN_PRIVATE_IP"] = DemoWorld.Nodes[1].PrivateIp,
        };
        var result = await ProcessRunner.RunAsync("node", [Path.Combine("aliyun", script)], environment, RepoPaths.Interop, TimeSpan.FromSeconds(120));
        Assert.True(result.ExitCode == 0, $"{script} failed against the emulator:\n{result}\n--- emulator\n{emulator.Process.Transcript}");
        using var document = JsonDocument.Parse(result.StandardOutput);
        return document.RootElement.Clone();
    }
}
