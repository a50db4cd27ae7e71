using Ccm.Sandbox.Demo;
using Ccm.TestSupport;
using static Ccm.Sandbox.Tests.Aliyun.Api;

namespace Ccm.Sandbox.Tests.Aliyun;

public sealed class RouteEntryTests
{
    private static readonly string Table = DemoWorld.CustomRouteTableIds[0];
    private static readonly string OtherTable = DemoWorld.CustomRouteTableIds[1];

    [Fact]
    public async Task A_created_entry_is_Pending_then_Available()
    {
        await using var f = await EmulatorFixture.StartAsync(o => o with { RouteEntryPendingDelay = TimeSpan.FromMilliseconds(500) });
        var id = (await Create(f, Table, "172.20.0.0/24", Node(0))).Ok()["RouteEntryId"].GetString()!;
        Assert.Equal("Pending", await Status(f, id));
        await Eventually.TrueAsync(async () => await Status(f, id) == "Available", "the entry settles");
    }

    [Fact]
    public async Task Writes_in_a_VPC_conflict_while_an_entry_settles()
    {
        await using var f = await EmulatorFixture.StartAsync(o => o with { RouteEntryPendingDelay = TimeSpan.FromMinutes(5) });
        var id = (await Create(f, Table, "172.20.0.0/24", Node(0))).Ok()["RouteEntryId"].GetString()!;
        (await Create(f, OtherTable, "172.20.1.0/24", Node(1))).Fails(400, "TaskConflict");
        (await f.Client.V2(SignedClient.Vpc, "DeleteRouteEntry", P(("RouteEntryId", id)))).Fails(400, "IncorrectRouteEntryStatus");
        var batch = P(("RouteEntries.1.RouteTableId", OtherTable), ("RouteEntries.1.DstCidrBlock", "172.20.2.0/24"),
            ("RouteEntries.1.NextHop", Node(2)), ("RouteEntries.1.NextHopType", "Instance"));
        (await f.Client.V2(SignedClient.Vpc, "CreateRouteEntries", batch)).Fails(400, "TaskConflict");
    }

    [Fact]
    public async Task Deleting_is_asynchronous_too()
    {
        await using var f = await EmulatorFixture.StartAsync(o => o with { RouteEntryPendingDelay = TimeSpan.Zero });
        var id = (await Create(f, Table, "172.20.0.0/24", Node(0))).Ok()["RouteEntryId"].GetString()!;
        (await f.Client.V2(SignedClient.Vpc, "DeleteRouteEntry", P(("RouteTableId", Table), ("DestinationCidrBlock", "172.20.0.0/24")))).Ok();
        await Eventually.TrueAsync(async () => (await Entries(f, Table, ("RouteEntryId", id))).Count == 0, "the entry is gone");
        (await f.Client.V2(SignedClient.Vpc, "DeleteRouteEntry", P(("RouteEntryId", id)))).Fails(400, "InvalidRouteEntry.NotFound");
    }

    [Fact]
    public async Task The_same_ClientToken_returns_the_first_entry()
    {
        await using var f = await EmulatorFixture.StartAsync(o => o with { RouteEntryPendingDelay = TimeSpan.FromMinutes(5) });
        var first = (await Create(f, Table, "172.20.0.0/24", Node(0), ("ClientToken", "node-1"))).Ok()["RouteEntryId"].GetString();
        var again = (await Create(f, Table, "172.20.0.0/24", Node(0), ("ClientToken", "node-1"))).Ok()["RouteEntryId"].GetString();
        Assert.Equal(first, again);
        Assert.Single(await Entries(f, Table, ("RouteEntryType", "Custom")));
    }

    [Fact]
    public async Task Destinations_are_validated()
    {
        await using var f = await EmulatorFixture.StartAsync(o => o with { RouteEntryPendingDelay = TimeSpan.Zero });
        (await Create(f, Table, "172.20.0.0/24", Node(0))).Ok();
        (await Create(f, Table, "172.20.0.0/24", Node(1))).Fails(400, "InvalidCIDRBlock.Duplicate");
        (await Create(f, Table, "172.20.0.1/24", Node(1))).Fails(400, "InvalidCidrBlock.Malformed");
        (await Create(f, Table, "192.168.1.0/24", Node(1))).Fails(400, "InvalidCidrBlock");
        (await Create(f, Table, "100.64.1.0/24", Node(1))).Fails(400, "InvalidCidrBlock");
        (await Create(f, "vtb-none", "172.20.5.0/24", Node(1))).Fails(404, "InvalidRouteTableId.NotFound");
    }

    [Fact]
    public async Task The_next_hop_must_be_an_instance_in_the_tables_VPC()
    {
        await using var f = await EmulatorFixture.StartAsync(o => o with { RouteEntryPendingDelay = TimeSpan.Zero });
        (await Create(f, Table, "172.20.0.0/24", "i-none")).Fails(400, "InvalidNextHop.NotFound");
        var elsewhere = f.Emulator.Cloud.AddVpc("10.0.0.0/16", "10.0.0.0/24", "cn-hangzhou-j");
        var stranger = f.Emulator.Cloud.AddInstance(new() { VSwitchId = elsewhere.VSwitchId });
        (await Create(f, Table, "172.20.0.0/24", stranger.InstanceId)).Fails(400, "IllegalParam.NextHopId");
    }

    [Fact]
    public async Task A_table_holds_at_most_200_custom_entries()
    {
        await using var f = await EmulatorFixture.StartAsync(o => o with { RouteEntryPendingDelay = TimeSpan.Zero });
        for (var batch = 0; batch < 4; batch++)
        {
            var parameters = P();
            for (var i = 1; i <= 50; i++)
            {
                var n = (batch * 50) + i;
                parameters[$"RouteEntries.{i}.RouteTableId"] = Table;
                parameters[$"RouteEntries.{i}.DstCidrBlock"] = $"172.{20 + (n / 256)}.{n % 256}.0/24";
                parameters[$"RouteEntries.{i}.NextHop"] = Node(0);
                parameters[$"RouteEntries.{i}.NextHopType"] = "Instance";
            }

            var reply = (await f.Client.V2(SignedClient.Vpc, "CreateRouteEntries", parameters)).Ok();
            Assert.Equal(50, reply["SuccessCount"].GetInt32());
        }

        (await Create(f, Table, "10.10.0.0/24", Node(0))).Fails(400, "QuotaExceeded");
        (await Create(f, OtherTable, "10.10.0.0/24", Node(0))).Ok();
    }

    [Fact]
    public async Task A_tables_quota_can_be_changed_over_HTTP_and_batches_fail_past_it_entry_by_entry()
    {
        await using var f = await EmulatorFixture.StartAsync(o => o with { RouteEntryPendingDelay = TimeSpan.Zero });
        using var set = await f.Http.PutAsync($"/_emulator/state/route-tables/{Table}/quota",
            new StringContent("""{"quota":2}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.NoContent, set.StatusCode);
        var reply = (await f.Client.V2(SignedClient.Vpc, "CreateRouteEntries", P(
            ("RouteEntries.1.RouteTableId", Table), ("RouteEntries.1.DstCidrBlock", "172.20.0.0/24"), ("RouteEntries.1.NextHop", Node(0)), ("RouteEntries.1.NextHopType", "Instance"),
            ("RouteEntries.2.RouteTableId", Table), ("RouteEntries.2.DstCidrBlock", "172.20.1.0/24"), ("RouteEntries.2.NextHop", Node(1)), ("RouteEntries.2.NextHopType", "Instance"),
            ("RouteEntries.3.RouteTableId", Table), ("RouteEntries.3.DstCidrBlock", "172.20.2.0/24"), ("RouteEntries.3.NextHop", Node(2)), ("RouteEntries.3.NextHopType", "Instance")))).Ok();
        Assert.Equal((2, "QuotaExceeded"), (reply["SuccessCount"].GetInt32(), reply["FailedRouteEntries"][0].GetProperty("FailedCode").GetString()));

        f.Emulator.Cloud.SetRouteEntryQuota(Table, 3);
        (await Create(f, Table, "172.20.2.0/24", Node(2))).Ok();
        using var unknown = await f.Http.PutAsync("/_emulator/state/route-tables/vtb-none/quota",
            new StringContent("""{"quota":2}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Batches_report_each_failure_in_a_flat_list()
    {
        await using var f = await EmulatorFixture.StartAsync(o => o with { RouteEntryPendingDelay = TimeSpan.Zero });
        var reply = (await f.Client.V2(SignedClient.Vpc, "CreateRouteEntries", P(
            ("RouteEntries.1.RouteTableId", Table), ("RouteEntries.1.DstCidrBlock", "172.20.0.0/24"), ("RouteEntries.1.NextHop", Node(0)), ("RouteEntries.1.NextHopType", "Instance"),
            ("RouteEntries.2.RouteTableId", Table), ("RouteEntries.2.DstCidrBlock", "172.20.0.0/24"), ("RouteEntries.2.NextHop", Node(1)), ("RouteEntries.2.NextHopType", "Instance")))).Ok();
        Assert.Equal((1, 1), (reply["SuccessCount"].GetInt32(), reply["FailedCount"].GetInt32()));
        var failed = Assert.Single(reply["FailedRouteEntries"].EnumerateArray());
        Assert.Equal(("172.20.0.0/24", Node(1), "InvalidCIDRBlock.Duplicate"),
            (failed.GetProperty("DstCidrBlock").GetString(), failed.GetProperty("NextHop").GetString(), failed.GetProperty("FailedCode").GetString()));
        var id = Assert.Single(reply["RouteEntryIds"].EnumerateArray()).GetString()!;

        var deleted = (await f.Client.V2(SignedClient.Vpc, "DeleteRouteEntries", P(
            ("RouteEntries.1.RouteTableId", Table), ("RouteEntries.1.RouteEntryId", id),
            ("RouteEntries.2.RouteTableId", Table), ("RouteEntries.2.DstCidrBlock", "172.20.99.0/24")))).Ok();
        Assert.Equal((1, "InvalidRouteEntry.NotFound"), (deleted["SuccessCount"].GetInt32(), deleted["FailedRouteEntries"][0].GetProperty("FailedCode").GetString()));
    }

    [Fact]
    public async Task DescribeRouteEntryList_pages_by_NextToken_and_filters()
    {
        await using var f = await EmulatorFixture.StartAsync(o => o with { RouteEntryPendingDelay = TimeSpan.Zero });
        for (var n = 0; n < 5; n++)
        {
            (await Create(f, Table, $"172.20.{n}.0/24", Node(n % 3))).Ok();
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var query = P(("RouteTableId", Table), ("RouteEntryType", "Custom"), ("MaxResult", "2"));
            if (token is not null)
            {
                query["NextToken"] = token;
            }

            var page = (await f.Client.V3(SignedClient.Vpc, "DescribeRouteEntryList", query)).Ok();
            seen.AddRange(page["RouteEntrys"].GetProperty("RouteEntry").EnumerateArray().Select(e => e.GetProperty("DestinationCidrBlock").GetString()!));
            token = page["NextToken"].GetString();
            pages++;
        }
        while (!string.IsNullOrEmpty(token));

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 5).Select(n => $"172.20.{n}.0/24"), seen);
        Assert.Equal(3, (await Entries(f, Table, ("RouteEntryType", "System"))).Count);
        Assert.Equal(2, (await Entries(f, Table, ("NextHopId", Node(0)))).Count);
        (await f.Client.V2(SignedClient.Vpc, "DescribeRouteEntryList", P(("RouteTableId", Table), ("MaxResult", "501")))).Fails(400, "InvalidParameter");
    }

    [Fact]
    public async Task Entries_added_or_deleted_by_hand_are_seen_by_the_API()
    {
        await using var f = await EmulatorFixture.StartAsync(o => o with { RouteEntryPendingDelay = TimeSpan.Zero });
        f.Emulator.Cloud.AddForeignRouteEntry(Table, "10.1.0.0/16", Node(2));
        (await Create(f, Table, "172.20.0.0/24", Node(0))).Ok();
        Assert.True(f.Emulator.Cloud.DeleteRouteEntryByHand(Table, "172.20.0.0/24"));
        var custom = await Entries(f, Table, ("RouteEntryType", "Custom"));
        Assert.Equal(["10.1.0.0/16"], custom.Select(e => e.GetProperty("DestinationCidrBlock").GetString()));
    }

    private static Task<ApiReply> Create(EmulatorFixture f, string table, string cidr, string instance, params (string, string)[] extra) =>
        f.Client.V2(SignedClient.Vpc, "CreateRouteEntry", P([("RouteTableId", table), ("DestinationCidrBlock", cidr), ("NextHopType", "Instance"), ("NextHopId", instance), .. extra]));

    private static async Task<List<System.Text.Json.JsonElement>> Entries(EmulatorFixture f, string table, params (string, string)[] filter) =>
        [.. (await f.Client.V2(SignedClient.Vpc, "DescribeRouteEntryList", P([("RouteTableId", table), ("MaxResult", "100"), .. filter]))).Ok()
            ["RouteEntrys"].GetProperty("RouteEntry").EnumerateArray()];

    private static async Task<string?> Status(EmulatorFixture f, string id) =>
        (await Entries(f, Table, ("RouteEntryId", id))).SingleOrDefault().GetProperty("Status").GetString();
}
