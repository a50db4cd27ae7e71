using System.Text.Json.Nodes;
using Ccm.GrainInterfaces.State;
using Ccm.Grains;
using Ccm.Sandbox.Aliyun.Control;
using Ccm.Sandbox.Demo;
using Ccm.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Ccm.EndToEnd.Tests.Routes;

/// <summary>
/// A <see cref="SandboxWorld"/> (its cloud-config lists the two demo route tables as users write them, "vtb-a, vtb-b")
/// seen from the route controller: the tables' entries in the emulator, the Nodes' NetworkUnavailable condition, and
/// a real in-process silo whose reconciliation period a test may shorten below the flag's 1m floor.
/// </summary>
internal sealed class RouteWorld(SandboxWorld world) : IAsyncDisposable
{
    public static readonly IReadOnlyList<string> Tables = DemoWorld.CustomRouteTableIds;

    private static readonly string[] WriteActions = ["CreateRouteEntry", "CreateRouteEntries", "DeleteRouteEntry", "DeleteRouteEntries"];

    public SandboxWorld World { get; } = world;

    public static async Task<RouteWorld> StartAsync() => new(await SandboxWorld.StartAsync(deployDemoApp: false));

    /// <summary>
    /// A real silo with every controller (the node controller gives the demo Nodes their providerIDs); a
    /// <paramref name="period"/> replaces <c>--route-reconciliation-period</c>, which cannot go below 1m.
    /// </summary>
    public Task<InProcessSilo> StartSiloAsync(string name = "routes", TimeSpan? period = null) =>
        World.StartSiloAsync(name, ["--leader-elect=false"], builder =>
        {
            if (period is { } shortened)
            {
                ShortenPeriod(builder, shortened);
            }
        });

    /// <summary>The table's Custom entries now: destination, next hop(s), status.</summary>
    public IReadOnlyList<(string Destination, string NextHop, string Status)> Routes(string table) =>
        [.. World.Cloud.Cloud.RouteEntries(table).Where(e => e.Entry.IsCustom)
            .Select(e => (e.Entry.DestinationCidrBlock, string.Join("+", e.Entry.NextHops.Select(h => h.NextHopId)), e.Status))];

    /// <summary>Every entry of the table, system ones included (destination and type).</summary>
    public IReadOnlyList<string> AllEntries(string table) =>
        [.. World.Cloud.Cloud.RouteEntries(table).Select(e => $"{e.Entry.DestinationCidrBlock} {e.Entry.Type}").Order(StringComparer.Ordinal)];

    public bool HasRoute(string table, DemoNode node) => Routes(table).Contains((node.PodCidr, node.InstanceId, "Available"));

    public bool HasRouteFor(string table, string podCidr) => Routes(table).Any(r => r.Destination == podCidr);

    /// <summary>The Node's NetworkUnavailable condition (status, reason) as the Kubernetes emulator holds it.</summary>
    public (string? Status, string? Reason) Condition(string node)
    {
        var condition = (World.Kube.Objects.Get("nodes", null, node)?["status"]?["conditions"] as JsonArray ?? [])
            .FirstOrDefault(c => (string?)c?["type"] == "NetworkUnavailable");
        return ((string?)condition?["status"], (string?)condition?["reason"]);
    }

    /// <summary>Waits until every demo node's route is Available in both tables and its network is available.</summary>
    public async Task ConvergedAsync()
    {
        await Eventually.TrueAsync(() => Tables.All(t => DemoWorld.Nodes.All(n => HasRoute(t, n))), "every demo node's route is Available in both tables",
            TestTimings.Generous);
        await Eventually.TrueAsync(() => DemoWorld.Nodes.All(n => Condition(n.Name) == ("False", "RouteCreated")), "every demo node's NetworkUnavailable is False",
            TestTimings.Generous);
    }

    /// <summary>A new ECS instance in the first demo vSwitch and its Node, with providerID and pod CIDR (as kubelet and the node controller leave it).</summary>
    public DemoNode AddNode(string name, string privateIp, string podCidr)
    {
        var vSwitch = DemoWorld.VSwitches[0];
        var instance = World.Cloud.Cloud.AddInstance(new NewInstance { InstanceName = name, VSwitchId = vSwitch.VSwitchId, PrivateIpAddress = privateIp });
        var node = new DemoNode(name, instance.InstanceId, privateIp, podCidr, vSwitch.ZoneId, vSwitch.VSwitchId, instance.InstanceType);
        World.Kube.Objects.Create(new JsonObject
        {
            ["apiVersion"] = "v1", ["kind"] = "Node",
            ["metadata"] = new JsonObject { ["name"] = name },
            ["spec"] = new JsonObject { ["providerID"] = node.ProviderId, ["podCIDR"] = podCidr, ["podCIDRs"] = new JsonArray(podCidr) },
            ["status"] = new JsonObject { ["addresses"] = new JsonArray(new JsonObject { ["type"] = "InternalIP", ["address"] = privateIp }) },
        });
        return node;
    }

    public void DeleteNode(string name) => World.Kube.Objects.Delete("nodes", null, name);

    /// <summary>Route writes the emulator has answered since its call log was last cleared.</summary>
    public long Writes => WriteActions.Sum(World.Cloud.Calls.CountOf);

    public long Creates => World.Cloud.Calls.CountOf("CreateRouteEntry") + World.Cloud.Calls.CountOf("CreateRouteEntries");

    public static RouteTableGrainState? State(InProcessSilo silo, string table) => silo.Board.Get<RouteTableGrainState>(table);

    public ValueTask DisposeAsync() => ((IAsyncDisposable)World).DisposeAsync();

    private static void ShortenPeriod(WebApplicationBuilder builder, TimeSpan period)
    {
        var registered = (CcmOptions)builder.Services.Last(d => d.ServiceType == typeof(CcmOptions)).ImplementationInstance!;
        builder.Services.AddSingleton(registered with { RouteReconciliationPeriod = period });
    }
}
