using System.Text.Json;
using Ccm.Sandbox.Demo;
using Ccm.TestSupport;

namespace Ccm.Sandbox.Tests.Aliyun;

/// <summary>
/// The official Node.js SDKs drive the standalone emulator: pop-core (V2; no generated SLB SDK is published for Node) and
/// the generated vpc20160428/ecs20140526 clients (V3), whose typed models reject misnamed or mistyped fields. The scripts
/// live in <c>Tests/interop/aliyun/</c>.
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
    public async Task Pop_core_changes_the_charge_type_keeps_domain_extensions_untags_and_reweighs_a_reused_group()
    {
        await using var emulator = await StandaloneEmulator.StartAsync();
        var result = await RunAsync(emulator, "clb-parity.js");
        Assert.Equal(["RequestId"], result.GetProperty("chargeTypeAnswer").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal("InvalidParameter", result.GetProperty("backToSpec").GetProperty("code").GetString());
        Assert.Equal(("PayByCLCU", JsonValueKind.Null), (result.GetProperty("afterCharge").GetProperty("instanceChargeType").GetString(),
            result.GetProperty("afterCharge").GetProperty("spec").ValueKind));
        var id = result.GetProperty("extensionId").GetString();
        Assert.Equal(443, result.GetProperty("extensionPort").GetInt32());
        foreach (var list in new[] { "extensions", "listenerExtensions" })
        {
            var extension = Assert.Single(result.GetProperty(list).EnumerateArray());
            Assert.Equal((id, "*.example.com", "cert-wild-2"), (extension.GetProperty("DomainExtensionId").GetString(),
                extension.GetProperty("Domain").GetString(), extension.GetProperty("ServerCertificateId").GetString()));
        }

        Assert.Equal("InvalidParameter.DomainExtensionId", result.GetProperty("deletedAgain").GetProperty("code").GetString());
        var tag = Assert.Single(result.GetProperty("tags").EnumerateArray());
        Assert.Equal(("kubernetes.reused.by.user", "true"), (tag.GetProperty("key").GetString(), tag.GetProperty("value").GetString()));
        var weights = result.GetProperty("weights").EnumerateArray()
            .Select(b => (b.GetProperty("id").GetString(), b.GetProperty("port").GetInt32(), b.GetProperty("weight").GetInt32(), b.GetProperty("description").GetString()));
        Assert.Equal(
            [(DemoWorld.Nodes[0].InstanceId, 8080, 100, "added-by-user"), (DemoWorld.Nodes[1].InstanceId, 30080, 70, "k8s/80/web/default/c1"),
             (DemoWorld.Nodes[2].InstanceId, 30080, 30, "k8s/80/web/default/c1")],
            weights);
    }

    [Fact]
    public async Task The_V3_VPC_SDK_allocates_binds_finds_unbinds_and_releases_an_EIP()
    {
        await using var emulator = await StandaloneEmulator.StartAsync("--eip-delay-ms", "300");
        var result = await RunAsync(emulator, "eip-v3.js");
        var lb = result.GetProperty("loadBalancerId").GetString();
        var eip = result.GetProperty("allocationId").GetString();
        Assert.True(result.GetProperty("sameOnRetry").GetBoolean());
        Assert.StartsWith("198.51.100.", result.GetProperty("address").GetString());
        Assert.Equal("InUse", result.GetProperty("statuses").EnumerateArray().Last().GetString());
        Assert.Equal(1, result.GetProperty("boundCount").GetInt32());
        var bound = result.GetProperty("bound");
        Assert.Equal((eip, lb, "SlbInstance", "10"), (bound.GetProperty("id").GetString(), bound.GetProperty("instanceId").GetString(),
            bound.GetProperty("instanceType").GetString(), bound.GetProperty("bandwidth").GetString()));
        Assert.Equal(lb, Assert.Single(bound.GetProperty("tags").EnumerateArray()).GetProperty("value").GetString());
        Assert.Equal("IncorrectEipStatus", result.GetProperty("releaseInUse").GetProperty("code").GetString());
        Assert.Equal(("Available", ""), (result.GetProperty("afterUnbind").GetProperty("status").GetString(),
            result.GetProperty("afterUnbind").GetProperty("instanceId").GetString()));
        Assert.Equal(0, result.GetProperty("remaining").GetInt32());
        Assert.Equal(("InvalidAllocationId.NotFound", 404), (result.GetProperty("releasedAgain").GetProperty("code").GetString(),
            result.GetProperty("releasedAgain").GetProperty("statusCode").GetInt32()));
    }

    [Fact]
    public async Task The_V3_ECS_SDK_turns_off_the_primary_ENIs_source_destination_check_and_finds_ENIs_by_IPv6()
    {
        await using var emulator = await StandaloneEmulator.StartAsync();
        var result = await RunAsync(emulator, "eni-v3.js");
        Assert.Equal(("PostPaid", "NoSpot"), (result.GetProperty("instanceChargeType").GetString(), result.GetProperty("spotStrategy").GetString()));
        Assert.StartsWith("eni-", result.GetProperty("eni").GetString());
        Assert.Equal((true, false), (result.GetProperty("sourceDestCheckBefore").GetBoolean(), result.GetProperty("sourceDestCheckAfter").GetBoolean()));
        Assert.Equal(("InvalidEniId.NotFound", 404), (result.GetProperty("unknown").GetProperty("code").GetString(),
            result.GetProperty("unknown").GetProperty("statusCode").GetInt32()));
        var byIpv6 = Assert.Single(result.GetProperty("byIpv6").EnumerateArray());
        Assert.Equal((result.GetProperty("podEni").GetString(), "2001:db8::230"),
            (byIpv6.GetProperty("id").GetString(), Assert.Single(byIpv6.GetProperty("ipv6").EnumerateArray()).GetString()));
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
