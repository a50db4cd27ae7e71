using System.Text.Json.Nodes;
using Ccm.GrainInterfaces.State;
using Ccm.Silo.SandboxHosting;
using Ccm.TestSupport;

namespace Ccm.EndToEnd.Tests.Dashboard;

/// <summary>Every silo's dashboard shows the whole cluster: it reads its peers at the addresses on their membership Leases.</summary>
public sealed class DashboardClusterTests : IAsyncLifetime
{
    private SandboxWorld world = null!;

    public async Task InitializeAsync() => world = await SandboxWorld.StartAsync();

    public Task DisposeAsync() => world.DisposeAsync();

    [Fact]
    public async Task Each_silo_lists_both_silos_and_finds_a_grain_whichever_silo_runs_it()
    {
        var a = await world.StartSiloAsync("silo-a", ["--dashboard-auth=none"]);
        var b = await world.StartSiloAsync("silo-b", ["--dashboard-auth=none"]);
        using var http = new HttpClient();

        // silo-b's arrival moves shards to it, so the answers of each silo are partly read from its peer.
        await Eventually.TrueAsync(
            async () =>
            {
                var silos = JsonNode.Parse(await http.GetStringAsync(new Uri(a.DashboardUrl!, "api/silos")))!["silos"]!.AsArray();
                return silos.Select(s => (string)s!["peer"]!["name"]!).Order().SequenceEqual(["silo-a", "silo-b"])
                    && silos.All(s => s!["summary"] is JsonObject && s["peer"]!["error"] is null)
                    && silos.All(s => (int)s!["summary"]!["runtime"]!["shardsHeld"]! > 0);
            },
            "silo-a's dashboard lists itself and silo-b, both holding shards, read without error",
            TestTimings.Generous);

        // Whichever silo runs the demo Service's grain, both dashboards show its row and its detail from that silo.
        await Eventually.TrueAsync(
            async () =>
            {
                var owner = new[] { a, b }.SingleOrDefault(s => s.Board.Get<ServiceGrainState>($"{DemoApp.Namespace}/{DemoApp.Name}") is { LoadBalancerId: not null });
                if (owner is null)
                {
                    return false;
                }

                var lb = owner.Board.Get<ServiceGrainState>($"{DemoApp.Namespace}/{DemoApp.Name}")!.LoadBalancerId;
                foreach (var silo in new[] { a, b })
                {
                    var list = JsonNode.Parse(await http.GetStringAsync(new Uri(silo.DashboardUrl!, "api/grains/services")))!;
                    var rows = list["items"]!.AsArray().Where(r => (string?)r!["key"] == "default/nginx").ToList();
                    var detail = JsonNode.Parse(await http.GetStringAsync(new Uri(silo.DashboardUrl!, "api/grains/services/default/nginx")))!;
                    if (rows is not [{ } row] || (string?)row["loadBalancerId"] != lb || (string?)row["silo"] != owner.Name
                        || (string?)detail["silo"] != owner.Name || (string?)detail["state"]!["loadBalancerId"] != lb)
                    {
                        return false;
                    }
                }

                return true;
            },
            "both dashboards show the demo Service's CLB from the silo that runs its grain",
            TestTimings.Generous);
    }
}
