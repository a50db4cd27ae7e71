using System.Diagnostics;
using System.Text.Json;
using Ccm.Sandbox.Aliyun.Faults;
using static Ccm.Sandbox.Tests.Aliyun.Api;

namespace Ccm.Sandbox.Tests.Aliyun;

public sealed class FaultTests
{
    [Fact]
    public async Task Injected_latency_delays_the_answer()
    {
        await using var f = await EmulatorFixture.StartAsync();
        f.Emulator.Faults.SetLatency(TimeSpan.FromMilliseconds(300), "DescribeVpcs");
        var watch = Stopwatch.StartNew();
        (await f.Client.V2(SignedClient.Vpc, "DescribeVpcs", P())).Ok();
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(290), $"answered after {watch.Elapsed}");
        Assert.Equal("latency", f.Emulator.Calls.Of("DescribeVpcs").Single().Fault);
    }

    [Fact]
    public async Task A_QPS_limit_answers_Throttling_User_with_the_time_left()
    {
        await using var f = await EmulatorFixture.StartAsync();
        f.Emulator.Faults.SetQpsLimit("DescribeInstances", 0.2);
        (await f.Client.V2(SignedClient.Ecs, "DescribeInstances", P())).Ok();
        var throttled = (await f.Client.V2(SignedClient.Ecs, "DescribeInstances", P())).Fails(400, "Throttling.User");
        var header = throttled.Headers.GetValues("x-ratelimit-user-api").Single();
        var timeLeft = header.Split(',').Select(p => p.Split(':')).Single(p => p[0] == "TimeLeft")[1];
        Assert.InRange(long.Parse(timeLeft), 1, 5000);
        (await f.Client.V2(SignedClient.Ecs, "DescribeNetworkInterfaces", P())).Ok();
    }

    [Fact]
    public async Task An_error_rate_fails_calls_with_5xx_and_changes_nothing()
    {
        await using var f = await EmulatorFixture.StartAsync();
        f.Emulator.Faults.SetErrorRate(1.0, "CreateLoadBalancer");
        var first = await f.Client.V2(SignedClient.Slb, "CreateLoadBalancer", P());
        var second = await f.Client.V2(SignedClient.Slb, "CreateLoadBalancer", P());
        Assert.Equal(["503 ServiceUnavailable", "500 InternalError"], new[] { first, second }.Select(r => $"{r.Status} {r.Code}"));
        Assert.Empty(f.Emulator.Cloud.LoadBalancers);
        f.Emulator.Faults.SetErrorRate(0, "CreateLoadBalancer");
        (await f.Client.V2(SignedClient.Slb, "CreateLoadBalancer", P())).Ok();
    }

    [Fact]
    public async Task A_dropped_create_is_applied_and_its_retry_with_the_same_token_creates_nothing_more()
    {
        await using var f = await EmulatorFixture.StartAsync();
        f.Emulator.Faults.DropResponses("CreateLoadBalancer", 1);
        var create = P(("ClientToken", "svc-uid-1"), ("LoadBalancerName", "web"));
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => f.Client.V2(SignedClient.Slb, "CreateLoadBalancer", create));
        var committed = Assert.Single(f.Emulator.Cloud.LoadBalancers);

        var retry = (await f.Client.V2(SignedClient.Slb, "CreateLoadBalancer", create)).Ok();
        Assert.Equal(committed.LoadBalancerId, retry["LoadBalancerId"].GetString());
        Assert.Single(f.Emulator.Cloud.LoadBalancers);
        Assert.Equal([0, 200], f.Emulator.Calls.Of("CreateLoadBalancer").Select(c => c.StatusCode));
    }

    [Theory]
    [InlineData(MalformedAnswer.Truncated)]
    [InlineData(MalformedAnswer.WrongType)]
    [InlineData(MalformedAnswer.Html)]
    public async Task A_garbled_answer_is_applied_then_answered_200_with_a_body_the_model_cannot_read(MalformedAnswer kind)
    {
        await using var f = await EmulatorFixture.StartAsync();
        f.Emulator.Faults.GarbleAnswers("CreateLoadBalancer", kind, 1);

        var reply = await f.Client.V2(SignedClient.Slb, "CreateLoadBalancer", P(("LoadBalancerName", "web")));

        Assert.Equal(200, reply.Status);
        Assert.Single(f.Emulator.Cloud.LoadBalancers); // applied before the answer was garbled
        switch (kind)
        {
            case MalformedAnswer.Truncated:
                Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(reply.Text));
                Assert.StartsWith("{\"RequestId\":", reply.Text, StringComparison.Ordinal);
                break;
            case MalformedAnswer.WrongType:
                // The first field after RequestId (a scalar) comes as a list.
                Assert.Equal(JsonValueKind.Array, reply.Body.EnumerateObject().First(p => p.Name != "RequestId").Value.ValueKind);
                break;
            default:
                Assert.Equal("text/html", reply.ContentType);
                Assert.StartsWith("<html>", reply.Text, StringComparison.Ordinal);
                break;
        }

        Assert.Equal("malformed", f.Emulator.Calls.Of("CreateLoadBalancer").Single().Fault);
        Assert.Empty(f.Emulator.Faults.Current.PendingGarbles);
        (await f.Client.V2(SignedClient.Slb, "DescribeLoadBalancers", P())).Ok();
    }

    [Fact]
    public async Task Random_faults_throttle_fail_time_out_or_drop_by_chance_and_are_counted_by_kind()
    {
        await using var f = await EmulatorFixture.StartAsync();
        f.Emulator.Faults.SetRandomFaults(new RandomFaults { ThrottleRate = 1 });
        var throttled = (await f.Client.V2(SignedClient.Slb, "CreateLoadBalancer", P())).Fails(400, "Throttling.User");
        Assert.Contains("TimeLeft:200", throttled.Headers.GetValues("x-ratelimit-user-api").Single(), StringComparison.Ordinal);

        f.Emulator.Faults.SetRandomFaults(new RandomFaults { ErrorRate = 1 });
        (await f.Client.V2(SignedClient.Slb, "CreateLoadBalancer", P())).Fails(503, "ServiceUnavailable");

        f.Emulator.Faults.SetRandomFaults(new RandomFaults { TimeoutRate = 1, TimeoutHold = TimeSpan.FromMilliseconds(300) });
        var watch = Stopwatch.StartNew();
        (await f.Client.V2(SignedClient.Slb, "CreateLoadBalancer", P())).Fails(503, "ServiceUnavailable");
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(290), $"answered after {watch.Elapsed}");
        Assert.Empty(f.Emulator.Cloud.LoadBalancers);

        f.Emulator.Faults.SetRandomFaults(new RandomFaults { DropRate = 1 });
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => f.Client.V2(SignedClient.Slb, "CreateLoadBalancer", P()));
        Assert.Single(f.Emulator.Cloud.LoadBalancers);

        f.Emulator.Faults.SetRandomFaults(RandomFaults.None);
        (await f.Client.V2(SignedClient.Slb, "CreateLoadBalancer", P())).Ok();
        Assert.Equal(new Dictionary<string, long> { ["throttled"] = 1, ["error"] = 1, ["timeout"] = 1, ["dropped"] = 1 }, f.Emulator.Calls.FaultCounts);
    }

    [Fact]
    public void A_random_fault_rate_outside_0_to_1_is_refused_naming_it()
    {
        var faults = new FaultInjector(TimeProvider.System);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => faults.SetRandomFaults(new RandomFaults { DropRate = 1.5 }));
        Assert.Equal("DropRate", error.ParamName);
    }

    [Fact]
    public async Task The_call_log_counts_per_action_and_holds_no_secret()
    {
        await using var f = await EmulatorFixture.StartAsync();
        await f.Client.V2(SignedClient.Ecs, "DescribeInstances", P());
        await f.Client.V3(SignedClient.Ecs, "DescribeInstances", P());
        await f.ClientFor(EmulatorFixture.AccessKeyId, "wrong").V2(SignedClient.Vpc, "DescribeVpcs", P());
        Assert.Equal(2, f.Emulator.Calls.CountOf("DescribeInstances"));
        Assert.Equal(1, f.Emulator.Calls.Counts["DescribeVpcs"]);
        Assert.Equal(["V2", "V3"], f.Emulator.Calls.Of("DescribeInstances").Select(c => c.Signature));
        var text = string.Join('\n', f.Emulator.Calls.Entries);
        Assert.DoesNotContain(EmulatorFixture.AccessKeySecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("string to sign", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_clears_faults_calls_and_state()
    {
        await using var f = await EmulatorFixture.StartAsync();
        (await f.Client.V2(SignedClient.Slb, "CreateLoadBalancer", P())).Ok();
        f.Emulator.Faults.SetErrorRate(1.0);
        f.Emulator.Reset();
        Assert.Empty(f.Emulator.Cloud.LoadBalancers);
        Assert.Equal(0, f.Emulator.Calls.CountOf("CreateLoadBalancer"));
        var again = (await f.Client.V2(SignedClient.Slb, "CreateLoadBalancer", P())).Ok();
        Assert.Equal("lb-bp1sandbox0000000001", again["LoadBalancerId"].GetString());
    }
}
