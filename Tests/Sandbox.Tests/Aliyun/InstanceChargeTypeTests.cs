using static Ccm.Sandbox.Tests.Aliyun.Api;

namespace Ccm.Sandbox.Tests.Aliyun;

/// <summary>ModifyLoadBalancerInstanceChargeType: PayBySpec to PayByCLCU, never back (the API's "Valid value: PayByCLCU").</summary>
public sealed class InstanceChargeTypeTests
{
    [Fact]
    public async Task A_pay_by_spec_load_balancer_moves_to_PayByCLCU_and_loses_its_spec()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var id = await ClbScenario.CreateAsync(f, ("InstanceChargeType", "PayBySpec"), ("LoadBalancerSpec", "slb.s2.small"));

        var reply = (await f.Client.V2(SignedClient.Slb, "ModifyLoadBalancerInstanceChargeType",
            P(("LoadBalancerId", id), ("InstanceChargeType", "PayByCLCU"), ("InternetChargeType", "paybytraffic")))).Ok();

        Assert.Equal(["RequestId"], reply.Body.EnumerateObject().Select(p => p.Name));
        var attribute = (await f.Client.V2(SignedClient.Slb, "DescribeLoadBalancerAttribute", P(("LoadBalancerId", id)))).Ok();
        Assert.Equal("PayByCLCU", attribute["InstanceChargeType"].GetString());
        Assert.False(attribute.Body.TryGetProperty("LoadBalancerSpec", out _));
        (await f.Client.V3(SignedClient.Slb, "ModifyLoadBalancerInstanceChargeType", P(("LoadBalancerId", id), ("InstanceChargeType", "PayByCLCU")))).Ok();
        Assert.Equal("PayByCLCU", f.Emulator.Cloud.LoadBalancer(id)!.InstanceChargeType);
    }

    [Theory]
    [InlineData("PayBySpec", null, "InvalidParameter")]
    [InlineData("PayByCLCU", "paybybandwidth", "InvalidParameter")]
    [InlineData(null, null, "MissingInstanceChargeType")]
    public async Task What_the_API_does_not_offer_is_refused_and_changes_nothing(string? chargeType, string? internetChargeType, string code)
    {
        await using var f = await EmulatorFixture.StartAsync();
        var id = await ClbScenario.CreateAsync(f, ("InstanceChargeType", "PayBySpec"));
        var parameters = P(("LoadBalancerId", id));
        if (chargeType is not null)
        {
            parameters["InstanceChargeType"] = chargeType;
        }

        if (internetChargeType is not null)
        {
            parameters["InternetChargeType"] = internetChargeType;
        }

        (await f.Client.V2(SignedClient.Slb, "ModifyLoadBalancerInstanceChargeType", parameters)).Fails(400, code);
        Assert.Equal(("PayBySpec", "slb.s1.small"), (f.Emulator.Cloud.LoadBalancer(id)!.InstanceChargeType, f.Emulator.Cloud.LoadBalancer(id)!.LoadBalancerSpec));
    }

    [Fact]
    public async Task An_unknown_load_balancer_is_not_found()
    {
        await using var f = await EmulatorFixture.StartAsync();

        (await f.Client.V2(SignedClient.Slb, "ModifyLoadBalancerInstanceChargeType", P(("LoadBalancerId", "lb-none"), ("InstanceChargeType", "PayByCLCU"))))
            .Fails(400, "InvalidLoadBalancerId.NotFound");
    }
}
