using Ccm.CloudClients.Slb;
using Ccm.CloudClients.Transport;
using Ccm.CloudClients.Vpc;
using Ccm.Sandbox.Demo;

namespace Ccm.CloudClients.Tests.Acceptance;

/// <summary>Injected throttling, 5xx and lost responses, and what the client makes of them over real HTTP.</summary>
public class ResilienceAcceptanceTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Reads_succeed_through_the_emulators_throttle()
    {
        fixture.Emulator.Faults.SetQpsLimit("DescribeVSwitches", 2);
        try
        {
            var clients = fixture.CreateClients();
            var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
                clients.Vpc.DescribeVSwitchesAsync(new DescribeVSwitchesRequest { VpcId = DemoWorld.VpcId }, default).ToListAsync().AsTask()));

            Assert.All(results, r => Assert.Equal(2, r.Count));
            await fixture.CallsAsync("DescribeVSwitches", calls => calls.Any(c => c.ErrorCode == "Throttling.User"), "the emulator throttled some reads");
            var stats = clients.Recorder.Snapshot().Single(s => s.Action == "DescribeVSwitches");
            Assert.True(stats.Throttles > 0 && stats.Retries > 0);
        }
        finally
        {
            fixture.Emulator.Faults.SetQpsLimit("DescribeVSwitches", 0);
        }
    }

    [Fact]
    public async Task Reads_succeed_through_injected_5xx()
    {
        fixture.Emulator.Faults.SetErrorRate(0.5, "DescribeVpcAttribute");
        try
        {
            var vpc = fixture.CreateClients(o => o.MaxAttempts = 12).Vpc;
            for (var i = 0; i < 10; i++)
            {
                Assert.Equal(DemoWorld.VpcCidr, (await vpc.DescribeVpcAttributeAsync(DemoWorld.VpcId, default)).CidrBlock);
            }

            await fixture.CallsAsync("DescribeVpcAttribute", calls => calls.Any(c => c.StatusCode >= 500), "the emulator injected 5xx");
        }
        finally
        {
            fixture.Emulator.Faults.SetErrorRate(0, "DescribeVpcAttribute");
        }
    }

    [Fact]
    public async Task A_create_whose_response_is_dropped_is_retried_with_its_ClientToken_and_leaves_one_load_balancer()
    {
        var slb = fixture.CreateClients().Slb;
        fixture.Emulator.Faults.DropResponses("CreateLoadBalancer", 1);
        var request = new CreateLoadBalancerRequest { ClientToken = "dropped-create-token", LoadBalancerName = "a-dropped", AddressType = "intranet", VSwitchId = DemoWorld.VSwitches[0].VSwitchId };

        var created = await slb.CreateLoadBalancerAsync(request, default);

        var named = fixture.Emulator.Cloud.LoadBalancers.Where(lb => lb.LoadBalancerName == "a-dropped").ToList();
        Assert.Equal(created.LoadBalancerId, Assert.Single(named).LoadBalancerId);
        await fixture.CallsAsync("CreateLoadBalancer", calls => calls.Any(c => c.Fault == "dropped") && calls.Any(c => c.StatusCode == 200),
            "the first response was dropped, so the client must have asked again and been answered");
    }

    [Fact]
    public async Task A_non_idempotent_write_whose_response_is_dropped_is_reported_not_repeated()
    {
        var slb = fixture.CreateClients().Slb;
        var lb = await slb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest { ClientToken = "vsg-drop-lb", LoadBalancerName = "a-vsg-drop", AddressType = "internet" }, default);
        fixture.Emulator.Faults.DropResponses("CreateVServerGroup", 1);

        var ex = await Assert.ThrowsAsync<OpenApiException>(() =>
            slb.CreateVServerGroupAsync(new CreateVServerGroupRequest { LoadBalancerId = lb.LoadBalancerId, VServerGroupName = "k8s/80/x/y/c1" }, default));

        // The group was created but the answer lost: the caller sees a retryable failure and must look before creating
        // again. SocketsHttpHandler may itself resend a request whose pooled connection died before any response byte;
        // that copy carries the same nonce, so the emulator refuses it (SignatureNonceUsed) and the transport, seeing
        // proof that an earlier copy arrived, does not sign a new one. Either way exactly one create was applied.
        Assert.True(ex.IsRetryable);
        Assert.Contains(ex.Code, new[] { OpenApiErrorCodes.ClientConnectionFailed, "SignatureNonceUsed" });
        Assert.Single(fixture.Emulator.Cloud.VServerGroups(lb.LoadBalancerId));
        var calls = await fixture.CallsAsync("CreateVServerGroup", calls => calls.Any(c => c.Succeeded), "the dropped create is logged");
        Assert.Single(calls, c => c.Succeeded);
        Assert.All(calls.Where(c => !c.Succeeded), c => Assert.Equal("SignatureNonceUsed", c.ErrorCode));
    }

    [Fact]
    public async Task Read_only_clients_send_no_write()
    {
        var before = fixture.Emulator.Calls.CountOf("CreateLoadBalancer");
        var slb = fixture.CreateClients(o => o.ReadOnly = true).Slb;

        await Assert.ThrowsAsync<ReadOnlyModeException>(() =>
            slb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest { ClientToken = "ro", LoadBalancerName = "a-ro" }, default));
        await slb.DescribeLoadBalancersAsync(new DescribeLoadBalancersRequest(), default).ToListAsync();

        Assert.Equal(before, fixture.Emulator.Calls.CountOf("CreateLoadBalancer"));
    }
}
