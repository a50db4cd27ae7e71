using System.Net;
using Ccm.TestSupport;

namespace Ccm.Sandbox.Tests.Aliyun;

public sealed class CommandTests
{
    [Fact]
    public async Task The_standalone_emulator_announces_its_address_first_and_stops_cleanly_on_SIGTERM()
    {
        await using var emulator = await StandaloneEmulator.StartAsync("--route-entry-delay-ms", "0");
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        var client = new SignedClient(http, EmulatorFixture.AccessKeyId, EmulatorFixture.AccessKeySecret);
        (await client.V2(SignedClient.Ecs, "DescribeInstances", Api.P())).Ok();
        Assert.Equal("cn-hangzhou", await http.GetStringAsync("/latest/meta-data/region-id"));
        Assert.Equal(0, await emulator.Process.StopAsync(TimeSpan.FromSeconds(30)));
    }

    [Theory]
    [InlineData("0.0.0.0:0")]
    [InlineData("192.168.1.10:8080")]
    [InlineData("[::]:0")]
    public async Task A_non_loopback_listen_address_is_refused(string listen)
    {
        var arguments = StandaloneEmulator.Arguments();
        arguments[Array.IndexOf(arguments, "127.0.0.1:0")] = listen;
        var result = await ProcessRunner.RunAsync("dotnet", arguments);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("loopback", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(result.StandardOutput);
    }

    [Theory]
    [InlineData("--seed", "everything")]
    [InlineData("--unknown", "x")]
    public async Task Bad_arguments_exit_with_code_2(string name, string value)
    {
        var result = await ProcessRunner.RunAsync("dotnet", [.. StandaloneEmulator.Arguments(), name, value]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("usage: Sandbox aliyun", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_control_API_drives_the_standalone_emulator()
    {
        await using var emulator = await StandaloneEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        var client = new SignedClient(http, EmulatorFixture.AccessKeyId, EmulatorFixture.AccessKeySecret);

        using var qps = await http.PutAsync("/_emulator/faults/qps", Json("""{"action":"DescribeVpcs","perSecond":0.1}"""));
        Assert.Equal(HttpStatusCode.NoContent, qps.StatusCode);
        (await client.V2(SignedClient.Vpc, "DescribeVpcs", Api.P())).Ok();
        (await client.V2(SignedClient.Vpc, "DescribeVpcs", Api.P())).Fails(400, "Throttling.User");
        Assert.Contains("\"DescribeVpcs\":0.1", await http.GetStringAsync("/_emulator/faults"), StringComparison.Ordinal);
        Assert.Contains("\"DescribeVpcs\":2", await http.GetStringAsync("/_emulator/calls"), StringComparison.Ordinal);

        using var added = await http.PostAsync("/_emulator/state/instances", Json("""{"instanceName":"extra-node"}"""));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Contains("extra-node", await http.GetStringAsync("/_emulator/state/instances"), StringComparison.Ordinal);
        using var stop = await http.PostAsync("/_emulator/state/instances/i-none/stop", null);
        Assert.Equal(HttpStatusCode.NotFound, stop.StatusCode);
        using var bad = await http.PutAsync("/_emulator/faults/errors", Json("""{"rate":"#"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var garble = await http.PostAsync("/_emulator/faults/garbles", Json("""{"action":"DescribeVpcs","kind":"html","count":2}"""));
        Assert.Equal(HttpStatusCode.NoContent, garble.StatusCode);
        Assert.Contains("\"DescribeVpcs\":{\"kind\":\"Html\",\"count\":2}", await http.GetStringAsync("/_emulator/faults"), StringComparison.OrdinalIgnoreCase);
        using var badKind = await http.PostAsync("/_emulator/faults/garbles", Json("""{"action":"DescribeVpcs","kind":"xml","count":1}"""));
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);

        var table = Ccm.Sandbox.Demo.DemoWorld.CustomRouteTableIds[0];
        using var foreign = await http.PostAsync($"/_emulator/state/route-tables/{table}/entries",
            Json($$"""{"destinationCidrBlock":"10.9.0.0/16","nextHopId":"{{Api.Node(0)}}"}"""));
        Assert.Equal(HttpStatusCode.OK, foreign.StatusCode);
        Assert.Contains("10.9.0.0/16", await http.GetStringAsync($"/_emulator/state/route-tables/{table}/entries"), StringComparison.Ordinal);
        using var removed = await http.DeleteAsync($"/_emulator/state/route-tables/{table}/entries?destination=10.9.0.0/16");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);

        (await client.V2(SignedClient.Slb, "CreateLoadBalancer", Api.P(("LoadBalancerName", "seen-by-control")))).Ok();
        Assert.Contains("seen-by-control", await http.GetStringAsync("/_emulator/state/load-balancers"), StringComparison.Ordinal);
        using var reset = await http.PostAsync("/_emulator/reset", null);
        Assert.Equal("[]", await http.GetStringAsync("/_emulator/state/load-balancers"));
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");
}
