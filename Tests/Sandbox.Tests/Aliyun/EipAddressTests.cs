using System.Text.Json;
using Ccm.Sandbox.Demo;
using Ccm.TestSupport;
using static Ccm.Sandbox.Tests.Aliyun.Api;

namespace Ccm.Sandbox.Tests.Aliyun;

/// <summary>EIPs: allocation by ClientToken, asynchronous association with CLBs and instances, release, and the real codes.</summary>
public sealed class EipAddressTests
{
    [Fact]
    public async Task The_same_ClientToken_allocates_one_EIP_Available_with_the_APIs_defaults()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var allocate = () => f.Client.V2(SignedClient.Vpc, "AllocateEipAddress", P(("ClientToken", "eip-1"), ("Name", "web"),
            ("Tag.1.Key", "kubernetes.do.not.delete"), ("Tag.1.Value", "web")));

        var first = (await allocate()).Ok();
        var again = (await allocate()).Ok();

        Assert.Equal(first["AllocationId"].GetString(), again["AllocationId"].GetString());
        Assert.StartsWith("198.51.100.", first["EipAddress"].GetString());
        Assert.False(first.Body.TryGetProperty("OrderId", out _));
        var eip = Assert.Single(await Listed(f, ("Tag.1.Key", "kubernetes.do.not.delete")));
        Assert.Equal(("Available", "5", "PayByBandwidth", "PostPaid", "web"), (eip.GetProperty("Status").GetString(), eip.GetProperty("Bandwidth").GetString(),
            eip.GetProperty("InternetChargeType").GetString(), eip.GetProperty("ChargeType").GetString(), eip.GetProperty("Name").GetString()));
    }

    [Theory]
    [InlineData("Bandwidth", "0")]
    [InlineData("InternetChargeType", "PayByMood")]
    [InlineData("InstanceChargeType", "Free")]
    public async Task Allocation_refuses_values_the_API_does_not_take(string name, string value)
    {
        await using var f = await EmulatorFixture.StartAsync();

        (await f.Client.V2(SignedClient.Vpc, "AllocateEipAddress", P((name, value)))).Fails(400, "InvalidParameter");

        Assert.Empty(f.Emulator.Cloud.Snapshot.EipAddresses);
    }

    [Fact]
    public async Task Association_is_Associating_bound_and_locked_until_it_settles()
    {
        await using var f = await EmulatorFixture.StartAsync(o => o with { EipTransitionDelay = TimeSpan.FromMinutes(5) });
        var (eip, lb) = (await AllocateAsync(f), await IntranetClbAsync(f));

        (await Associate(f, eip, lb, "SlbInstance")).Ok();

        var bound = Assert.Single(await Listed(f, ("AssociatedInstanceType", "SlbInstance"), ("AssociatedInstanceId", lb)));
        Assert.Equal(("Associating", lb), (bound.GetProperty("Status").GetString(), bound.GetProperty("InstanceId").GetString()));
        (await f.Client.V2(SignedClient.Vpc, "UnassociateEipAddress", P(("AllocationId", eip)))).Fails(400, "IncorrectEipStatus");
        (await f.Client.V2(SignedClient.Vpc, "ReleaseEipAddress", P(("AllocationId", eip)))).Fails(400, "IncorrectEipStatus");
    }

    [Fact]
    public async Task Unassociating_keeps_the_binding_visible_and_the_EIP_locked_until_it_settles()
    {
        await using var f = await EmulatorFixture.StartAsync(o => o with { EipTransitionDelay = TimeSpan.FromMinutes(5) });
        var lb = await IntranetClbAsync(f);
        var eip = f.Emulator.Cloud.AddEipAddress("198.51.100.200", lb, "SlbInstance").AllocationId;

        (await f.Client.V2(SignedClient.Vpc, "UnassociateEipAddress", P(("AllocationId", eip), ("InstanceType", "SlbInstance")))).Ok();

        var unbinding = Assert.Single(await Listed(f, ("AssociatedInstanceId", lb)));
        Assert.Equal("Unassociating", unbinding.GetProperty("Status").GetString());
        (await Associate(f, eip, lb, "SlbInstance")).Fails(400, "IncorrectEipStatus");
    }

    [Fact]
    public async Task Associating_turns_InUse_and_unassociating_Available()
    {
        await using var f = await EmulatorFixture.StartAsync(o => o with { EipTransitionDelay = TimeSpan.FromMilliseconds(300) });
        var (eip, lb) = (await AllocateAsync(f), await IntranetClbAsync(f));

        (await Associate(f, eip, lb, "SlbInstance")).Ok();
        await Eventually.TrueAsync(async () => await StatusAsync(f, eip) == "InUse", "the association settles");
        (await f.Client.V3(SignedClient.Vpc, "UnassociateEipAddress", P(("AllocationId", eip), ("InstanceId", lb), ("InstanceType", "SlbInstance")))).Ok();

        await Eventually.TrueAsync(async () => await StatusAsync(f, eip) == "Available", "the unassociation settles");
        Assert.Empty(await Listed(f, ("AssociatedInstanceId", lb)));
    }

    [Fact]
    public async Task An_EIP_binds_once_a_target_takes_one_and_only_an_Available_pay_as_you_go_EIP_is_released()
    {
        await using var f = await EmulatorFixture.StartAsync(o => o with { EipTransitionDelay = TimeSpan.Zero });
        var (eip, other, lb) = (await AllocateAsync(f), await AllocateAsync(f), await IntranetClbAsync(f));
        (await Associate(f, eip, lb, "SlbInstance")).Ok();

        (await Associate(f, eip, Node(0), "EcsInstance")).Fails(400, "IncorrectEipStatus");
        (await Associate(f, other, lb, "SlbInstance")).Fails(400, "InvalidAssociation.Duplicated");
        (await f.Client.V2(SignedClient.Vpc, "ReleaseEipAddress", P(("AllocationId", eip)))).Fails(400, "IncorrectEipStatus");
        (await f.Client.V2(SignedClient.Vpc, "UnassociateEipAddress", P(("AllocationId", eip), ("InstanceId", Node(0))))).Fails(400, "InvalidBindingStatus");
        (await f.Client.V2(SignedClient.Vpc, "UnassociateEipAddress", P(("AllocationId", eip)))).Ok();
        (await f.Client.V2(SignedClient.Vpc, "UnassociateEipAddress", P(("AllocationId", eip)))).Fails(400, "IncorrectEipStatus");
        (await f.Client.V2(SignedClient.Vpc, "ReleaseEipAddress", P(("AllocationId", eip)))).Ok();

        (await f.Client.V2(SignedClient.Vpc, "ReleaseEipAddress", P(("AllocationId", eip)))).Fails(404, "InvalidAllocationId.NotFound");
        (await Associate(f, eip, lb, "SlbInstance")).Fails(404, "InvalidAllocationId.NotFound");
        Assert.Empty(await Listed(f, ("AllocationId", eip)));
        var prepaid = (await f.Client.V2(SignedClient.Vpc, "AllocateEipAddress", P(("InstanceChargeType", "PrePaid"))))["AllocationId"].GetString()!;
        (await f.Client.V2(SignedClient.Vpc, "ReleaseEipAddress", P(("AllocationId", prepaid)))).Fails(400, "Forbidden.ChargeTypeIsPrepaid");
    }

    [Fact]
    public async Task Targets_must_exist_sit_in_a_VPC_and_be_of_a_modelled_type()
    {
        await using var f = await EmulatorFixture.StartAsync(o => o with { EipTransitionDelay = TimeSpan.Zero });
        var eip = await AllocateAsync(f);
        var internet = await ClbScenario.CreateAsync(f, ("AddressType", "internet"));

        (await Associate(f, eip, internet, "SlbInstance")).Fails(400, "OperationDenied");
        (await Associate(f, eip, "lb-none", "SlbInstance")).Fails(404, "InvalidInstanId.NotFound");
        (await Associate(f, eip, "ngw-1", "Nat")).Fails(400, "InvalidInstanceType.ValueNotSupported");
        Assert.Equal("Available", await StatusAsync(f, eip));
    }

    [Fact]
    public async Task An_EIP_bound_to_an_instance_shows_in_DescribeInstances_and_a_deleted_CLB_frees_its_EIP()
    {
        await using var f = await EmulatorFixture.StartAsync(o => o with { EipTransitionDelay = TimeSpan.Zero });
        var (onNode, onClb, lb) = (await AllocateAsync(f), await AllocateAsync(f), await IntranetClbAsync(f));

        (await f.Client.V2(SignedClient.Vpc, "AssociateEipAddress", P(("AllocationId", onNode), ("InstanceId", Node(1))))).Ok();
        (await Associate(f, onClb, lb, "SlbInstance")).Ok();
        (await f.Client.V2(SignedClient.Slb, "DeleteLoadBalancer", P(("LoadBalancerId", lb)))).Ok();

        var instances = (await f.Client.V2(SignedClient.Ecs, "DescribeInstances", P(("InstanceIds", $"[\"{Node(1)}\"]")))).Ok();
        Assert.Equal(onNode, instances["Instances"].GetProperty("Instance")[0].GetProperty("EipAddress").GetProperty("AllocationId").GetString());
        Assert.Equal("Available", await StatusAsync(f, onClb));
    }

    [Fact]
    public async Task A_repeated_ClientToken_answers_the_first_association_again()
    {
        await using var f = await EmulatorFixture.StartAsync(o => o with { EipTransitionDelay = TimeSpan.Zero });
        var (eip, lb) = (await AllocateAsync(f), await IntranetClbAsync(f));
        var associate = () => f.Client.V2(SignedClient.Vpc, "AssociateEipAddress", P(("AllocationId", eip), ("InstanceId", lb),
            ("InstanceType", "SlbInstance"), ("ClientToken", "bind-1")));

        (await associate()).Ok();
        (await associate()).Ok();

        Assert.Equal("InUse", await StatusAsync(f, eip));
    }

    private static async Task<string> AllocateAsync(EmulatorFixture f) =>
        (await f.Client.V2(SignedClient.Vpc, "AllocateEipAddress", P())).Ok()["AllocationId"].GetString()!;

    private static Task<string> IntranetClbAsync(EmulatorFixture f) => ClbScenario.CreateAsync(f, ("VSwitchId", DemoWorld.VSwitches[0].VSwitchId));

    private static Task<ApiReply> Associate(EmulatorFixture f, string eip, string instance, string type) =>
        f.Client.V2(SignedClient.Vpc, "AssociateEipAddress", P(("AllocationId", eip), ("InstanceId", instance), ("InstanceType", type)));

    private static async Task<string?> StatusAsync(EmulatorFixture f, string eip) =>
        Assert.Single(await Listed(f, ("AllocationId", eip))).GetProperty("Status").GetString();

    private static async Task<List<JsonElement>> Listed(EmulatorFixture f, params (string, string)[] filters) =>
        [.. (await f.Client.V2(SignedClient.Vpc, "DescribeEipAddresses", P(filters))).Ok()["EipAddresses"].GetProperty("EipAddress").EnumerateArray()];
}
