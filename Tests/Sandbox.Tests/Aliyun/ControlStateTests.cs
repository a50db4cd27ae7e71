using System.Net;
using System.Text;
using System.Text.Json;
using static Ccm.Sandbox.Tests.Aliyun.Api;

namespace Ccm.Sandbox.Tests.Aliyun;

/// <summary>The control API's state endpoints: what a test may leave out, and what it may not get wrong.</summary>
public sealed class ControlStateTests
{
    [Fact]
    public async Task An_instance_posted_without_type_or_status_gets_the_defaults_and_stays_describable()
    {
        await using var f = await EmulatorFixture.StartAsync();

        using var added = await f.Http.PostAsync("/_emulator/state/instances", Json("""{"instanceName":"bare"}"""));

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var reply = (await f.Client.V2(SignedClient.Ecs, "DescribeInstances", P(("InstanceName", "bare")))).Ok();
        var instance = Assert.Single(reply["Instances"].GetProperty("Instance").EnumerateArray());
        Assert.Equal(("ecs.g7.large", "Running", "PostPaid", "NoSpot"),
            (instance.GetProperty("InstanceType").GetString(), instance.GetProperty("Status").GetString(),
             instance.GetProperty("InstanceChargeType").GetString(), instance.GetProperty("SpotStrategy").GetString()));
    }

    [Fact]
    public async Task Explicit_nulls_are_treated_as_left_out()
    {
        await using var f = await EmulatorFixture.StartAsync();

        using var added = await f.Http.PostAsync("/_emulator/state/instances",
            Json("""{"instanceName":"nulls","instanceType":null,"status":null,"instanceChargeType":null,"spotStrategy":null}"""));

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        (await f.Client.V2(SignedClient.Ecs, "DescribeInstances", P(("InstanceName", "nulls")))).Ok();
    }

    [Theory]
    [InlineData("""{"status":"Broken"}""", "Status")]
    [InlineData("""{"instanceChargeType":"Free"}""", "InstanceChargeType")]
    [InlineData("""{"spotStrategy":"Always"}""", "SpotStrategy")]
    [InlineData("""{"instanceType":""}""", "InstanceType")]
    public async Task A_value_the_API_would_never_report_is_refused_naming_the_field(string body, string field)
    {
        await using var f = await EmulatorFixture.StartAsync();
        var before = f.Emulator.Cloud.Instances.Count;

        using var refused = await f.Http.PostAsync("/_emulator/state/instances", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(field, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, f.Emulator.Cloud.Instances.Count);
    }

    [Theory]
    [InlineData("/_emulator/state/network-interfaces", """{"privateIpAddress":"192.168.0.201"}""", "VSwitchId")]
    [InlineData("/_emulator/state/route-tables/vtb-bp1sandboxcustom0001/entries", """{"nextHopId":"i-x"}""", "DestinationCidrBlock")]
    public async Task A_missing_required_field_is_a_400_naming_it(string path, string body, string field)
    {
        await using var f = await EmulatorFixture.StartAsync();

        using var refused = await f.Http.PostAsync(path, Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(field, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Billing_spot_and_node_pool_tag_of_a_posted_instance_reach_DescribeInstances()
    {
        await using var f = await EmulatorFixture.StartAsync();

        using var added = await f.Http.PostAsync("/_emulator/state/instances", Json("""
            {"instanceName":"spot","instanceChargeType":"PostPaid","spotStrategy":"SpotAsPriceGo",
             "tags":{"ack.alibabacloud.com/nodepool-id":"np-1"}}
            """));

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var id = JsonDocument.Parse(await added.Content.ReadAsStringAsync()).RootElement.GetProperty("InstanceId").GetString();
        var reply = (await f.Client.V2(SignedClient.Ecs, "DescribeInstances", P(("InstanceIds", $"[\"{id}\"]")))).Ok();
        var instance = Assert.Single(reply["Instances"].GetProperty("Instance").EnumerateArray());
        Assert.Equal("SpotAsPriceGo", instance.GetProperty("SpotStrategy").GetString());
        var tag = Assert.Single(instance.GetProperty("Tags").GetProperty("Tag").EnumerateArray());
        Assert.Equal(("ack.alibabacloud.com/nodepool-id", "np-1"), (tag.GetProperty("TagKey").GetString(), tag.GetProperty("TagValue").GetString()));
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
