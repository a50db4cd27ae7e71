using System.Net;
using Ccm.GrainInterfaces.State;
using Ccm.Silo.Tests.Support;

namespace Ccm.Silo.Tests.Dashboard;

/// <summary>The JSON API for each grain type, read over real HTTP from a silo whose board holds synthetic states.</summary>
public sealed class DashboardApiTests : IAsyncLifetime
{
    private readonly TestFiles files = new();
    private DashboardHost host = null!;

    public async Task InitializeAsync()
    {
        host = await DashboardHost.StartAsync(files, flags: "--dashboard-auth=none");
        host.Board.Publish(SyntheticStates.Service("default", "nginx"));
        host.Board.Publish(SyntheticStates.FailedService("shop", "checkout"));
        host.Board.Publish(SyntheticStates.Node("node-1"));
        host.Board.Publish(SyntheticStates.VirtualNode("virtual-kubelet-1"));
        host.Board.Publish(SyntheticStates.RouteTable("vtb-bp1custom1"));
        host.Board.Publish(SyntheticStates.RouteTable("vtb-bp1custom2", full: true));
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        files.Dispose();
    }

    [Fact]
    public async Task Services_list_shows_each_Service_with_its_load_balancer()
    {
        var list = await host.JsonAsync("/api/grains/services");
        Assert.Equal(2, (int)list["total"]!);
        var nginx = list["items"]!.AsArray().Single(r => (string)r!["key"]! == "default/nginx")!;
        Assert.Equal("lb-bp1nginx", (string)nginx["loadBalancerId"]!);
        Assert.Equal("192.168.0.10", (string)nginx["address"]!);
        Assert.Equal("Ready", (string)nginx["phase"]!);
        Assert.Equal(["TCP:80"], nginx["listeners"]!.AsArray().Select(l => (string)l!));
        Assert.Equal(2, (int)nginx["backendCount"]!);
        Assert.Equal(2, (int)nginx["lastPlan"]!["succeeded"]!);
        Assert.Equal("silo-a", (string)nginx["silo"]!);
        Assert.Equal("silo-a", (string)list["silos"]![0]!["name"]!);
    }

    [Fact]
    public async Task Service_detail_has_listeners_backends_plans_and_events()
    {
        var detail = await host.JsonAsync("/api/grains/services/default/nginx");
        var state = detail["state"]!;
        Assert.Equal("silo-a", (string)detail["silo"]!);
        var listener = state["listeners"]![0]!;
        Assert.Equal(80, (int)listener["port"]!);
        Assert.Equal(["i-bp1node1", "i-bp1node2"], listener["backendServers"]!.AsArray().Select(b => (string)b!["serverId"]!));
        var operations = state["recentPlans"]![0]!["operations"]!.AsArray();
        Assert.Equal(["CreateLoadBalancer", "CreateLoadBalancerTCPListener"], operations.Select(o => (string)o!["action"]!));
        Assert.All(operations, o => Assert.Equal("Succeeded", (string)o!["outcome"]!));
        Assert.Equal("EnsuredLoadBalancer", (string)state["recentEvents"]![0]!["reason"]!);
        Assert.Null(detail["activation"]); // published, but no activation of it runs on this silo
        Assert.Null(detail["reminders"]);
    }

    [Fact]
    public async Task A_failed_Service_shows_the_cloud_error_code_on_the_row_and_the_operation()
    {
        var row = (await host.JsonAsync("/api/grains/services?phase=Failed"))["items"]!.AsArray().Single()!;
        Assert.Equal("shop/checkout", (string)row["key"]!);
        Assert.Equal("InvalidVSwitchId.NotFound", (string)row["lastError"]!["code"]!);
        Assert.Equal(1, (int)row["lastPlan"]!["failed"]!);
        var operation = (await host.JsonAsync("/api/grains/services/shop/checkout"))["state"]!["recentPlans"]![0]!["operations"]![0]!;
        Assert.Equal("Failed", (string)operation["outcome"]!);
        Assert.Equal("InvalidVSwitchId.NotFound", (string)operation["errorCode"]!);
    }

    [Theory]
    [InlineData("/api/grains/services?q=LB-BP1NGINX", new[] { "default/nginx" })]
    [InlineData("/api/grains/services?q=VSwitch", new[] { "shop/checkout" })]
    [InlineData("/api/grains/services?q=nothing-like-this", new string[0])]
    [InlineData("/api/grains/services?phase=ready", new[] { "default/nginx" })]
    [InlineData("/api/grains/nodes?phase=Skipped", new[] { "virtual-kubelet-1" })]
    [InlineData("/api/grains/nodes?q=i-bp1node1", new[] { "node-1" })]
    [InlineData("/api/grains/routetables?q=custom2", new[] { "vtb-bp1custom2" })]
    public async Task Search_and_phase_filter_the_rows(string path, string[] keys)
    {
        var items = (await host.JsonAsync(path))["items"]!.AsArray();
        Assert.Equal(keys, items.Select(r => (string)(r!["key"] ?? r["name"] ?? r["id"])!));
    }

    [Fact]
    public async Task An_unknown_phase_is_a_400_naming_the_phases()
    {
        var (status, body) = await host.StatusAsync("/api/grains/services?phase=Stuck");
        Assert.Equal(400, status);
        Assert.Contains("PlanPending", (string)body!["error"]!);
    }

    [Fact]
    public async Task Nodes_list_and_detail_show_the_instance_mapping_and_why_a_node_is_skipped()
    {
        var items = (await host.JsonAsync("/api/grains/nodes"))["items"]!.AsArray();
        var node = items.Single(r => (string)r!["name"]! == "node-1")!;
        Assert.Equal("i-bp1node1", (string)node["instanceId"]!);
        Assert.Equal("cn-hangzhou-k", (string)node["zoneId"]!);
        Assert.Equal("LookedUpByIp", (string)node["providerIdSource"]!);
        Assert.True((bool)node["initialized"]!);
        var skipped = items.Single(r => (string)r!["name"]! == "virtual-kubelet-1")!;
        Assert.Equal("Skipped", (string)skipped["phase"]!);
        Assert.Equal("virtual-kubelet node: no ECS instance", (string)skipped["reason"]!);

        var detail = await host.JsonAsync("/api/grains/nodes/node-1");
        Assert.Equal("cn-hangzhou.i-bp1node1", (string)detail["state"]!["providerId"]!);
        Assert.Equal(["192.168.0.11"], detail["state"]!["internalIps"]!.AsArray().Select(i => (string)i!));
    }

    [Fact]
    public async Task Route_tables_list_and_detail_show_routes_and_quota()
    {
        var items = (await host.JsonAsync("/api/grains/routetables"))["items"]!.AsArray();
        var full = items.Single(r => (string)r!["id"]! == "vtb-bp1custom2")!;
        Assert.True((bool)full["full"]!);
        Assert.Equal(200, (int)full["customEntries"]!);
        Assert.Equal(2, (int)full["routesPresent"]!);
        Assert.Equal(3, (int)full["routesDesired"]!);
        Assert.NotNull(full["lastPeriodAt"]);

        var route = (await host.JsonAsync("/api/grains/routetables/vtb-bp1custom1"))["state"]!["routes"]![0]!;
        Assert.Equal("172.20.1.0/24", (string)route["destinationCidrBlock"]!);
        Assert.Equal("node-1", (string)route["nodeName"]!);
    }

    [Theory]
    [InlineData("/api/grains/services/default/absent")]
    [InlineData("/api/grains/nodes/absent")]
    [InlineData("/api/grains/routetables/vtb-absent")]
    public async Task An_unknown_grain_is_a_404_with_a_reason(string path)
    {
        var (status, body) = await host.StatusAsync(path);
        Assert.Equal(404, status);
        Assert.Contains("not known to any silo", (string)body!["error"]!);
    }

    [Fact]
    public async Task Overview_counts_grains_per_type_and_phase_and_lists_the_silo()
    {
        var overview = await host.JsonAsync("/api/overview");
        var services = overview["grains"]!.AsArray().Single(g => (string)g!["kind"]! == "services")!;
        Assert.Equal(2, (int)services["total"]!);
        Assert.Equal(1, (int)services["phases"]!["Ready"]!);
        Assert.Equal(1, (int)services["phases"]!["Failed"]!);
        var silo = overview["silos"]![0]!;
        Assert.Equal("silo-a", (string)silo["peer"]!["name"]!);
        var runtime = silo["summary"]!["runtime"]!;
        Assert.Equal("Active", (string)runtime["status"]!);
        Assert.Equal(1, (int)runtime["activeSilos"]!);
        Assert.Equal(host.SiloAddress, (string)runtime["identity"]!);
        Assert.Equal(0, (int)runtime["activations"]!);
        Assert.Null(runtime["shardsHeld"]);
        Assert.False((bool)overview["dryRun"]!);
        Assert.Equal(0, (int)overview["pendingPlanCount"]!);
        Assert.Equal("none", (string)overview["config"]!["dashboardAuth"]!);
        Assert.Equal("/orleans/", (string)overview["config"]!["orleansDashboard"]!);
    }

    [Fact]
    public async Task Cloud_calls_show_counts_error_codes_and_percentiles_per_action()
    {
        host.Cloud.RecordAttempt("slb", "DescribeLoadBalancers", TimeSpan.FromMilliseconds(20), null, throttled: false);
        host.Cloud.RecordAttempt("slb", "DescribeLoadBalancers", TimeSpan.FromMilliseconds(40), "Throttling.User", throttled: true);
        host.Cloud.RecordRetry("slb", "DescribeLoadBalancers");

        var row = (await host.JsonAsync("/api/cloud/calls"))["actions"]!.AsArray().Single(a => (string)a!["action"]! == "DescribeLoadBalancers")!;
        Assert.Equal(2, (long)row["calls"]!);
        Assert.Equal(1, (long)row["errors"]!);
        Assert.Equal(1, (long)row["throttles"]!);
        Assert.Equal(1, (long)row["retries"]!);
        Assert.Equal(1, (long)row["errorCodes"]!["Throttling.User"]!);
        Assert.Equal(20, (double)row["p50Ms"]!);
        Assert.Equal(40, (double)row["p99Ms"]!);

        var product = (await host.JsonAsync("/api/overview"))["cloud"]!.AsArray().Single(p => (string)p!["product"]! == "slb")!;
        Assert.Equal(1, (long)product["throttles"]!);
    }

    [Fact]
    public async Task Membership_lists_each_silo_of_the_table_with_its_status_heartbeat_and_dashboard()
    {
        var membership = await host.JsonAsync("/api/membership");
        var row = Assert.Single(membership["members"]!.AsArray())!;
        Assert.Equal("silo-a", (string)row["name"]!);
        Assert.Equal(host.SiloAddress, (string)row["address"]!);
        Assert.Equal("Active", (string)row["status"]!);
        Assert.True((bool)row["isSelf"]!);
        Assert.True((DateTimeOffset)row["startedAt"]! <= (DateTimeOffset)membership["now"]!);
        Assert.Equal(host.Url("/").ToString().TrimEnd('/'), (string)row["dashboard"]!);
        Assert.Null(membership["membershipError"]);

        var placement = Assert.Single(membership["placement"]!.AsArray())!;
        Assert.Equal("silo-a", (string)placement["peer"]!["name"]!);
        Assert.Equal(host.SiloAddress, (string)placement["summary"]!["runtime"]!["identity"]!);
        Assert.Equal(404, (await host.StatusAsync("/api/shards")).Status);
    }

    [Fact]
    public async Task The_local_membership_is_this_silos_reading_of_the_table()
    {
        var local = await host.JsonAsync("/api/local/membership");
        Assert.Equal("silo-a", (string)local["silo"]!);
        Assert.Equal([host.SiloAddress], local["members"]!.AsArray().Select(m => (string)m!["address"]!));
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task The_API_is_read_only(string method)
    {
        using var response = await host.Silo.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), host.Url("/api/grains/services")));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task HEAD_answers_without_a_body()
    {
        using var response = await host.Silo.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, host.Url("/api/overview")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Answers_are_never_cached_and_carry_the_server_time()
    {
        using var response = await host.GetAsync("/api/grains/services");
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.StartsWith("app;dur=", response.Headers.GetValues("Server-Timing").Single());
    }
}
