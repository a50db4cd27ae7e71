using System.Net;
using System.Text.Json.Nodes;
using Ccm.GrainInterfaces.State;
using Ccm.Silo.SandboxHosting;
using Ccm.TestSupport;

namespace Ccm.EndToEnd.Tests.Dashboard;

/// <summary>
/// Every silo's dashboard shows the whole cluster: the silos from Orleans' membership table, and each silo's part read
/// from the dashboard address it publishes in its silo metadata, with the caller's credentials (a browser's session
/// cookie included: every silo accepts the session another one started).
/// </summary>
public sealed class DashboardClusterTests : IAsyncLifetime
{
    private const string Token = "e2e-cluster-dashboard-token-0123456789";

    private SandboxWorld world = null!;

    public async Task InitializeAsync() => world = await SandboxWorld.StartAsync();

    public Task DisposeAsync() => world.DisposeAsync();

    [Fact]
    public async Task Each_silo_lists_both_silos_and_their_activations_and_finds_a_grain_whichever_silo_runs_it()
    {
        var tokenFile = Path.Combine(world.Folder, "dashboard-token");
        await File.WriteAllTextAsync(tokenFile, Token + "\n");
        var a = await world.StartSiloAsync("silo-a", [$"--dashboard-token-file={tokenFile}"]);
        var b = await world.StartSiloAsync("silo-b", [$"--dashboard-token-file={tokenFile}"]);

        // A browser's sign-in on silo-a; its cookie (for 127.0.0.1, whatever the port) then goes to both silos.
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false });
        using (var signIn = await http.PostAsync(new Uri(a.DashboardUrl!, "login"), new FormUrlEncodedContent([new("token", Token), new("returnTo", "/")])))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        // Both silos Active in the table, each answering for itself (silo-b read with the session silo-a issued).
        await Eventually.TrueAsync(
            async () =>
            {
                var membership = await JsonAsync(http, a, "api/membership");
                var members = membership["members"]!.AsArray();
                var placement = membership["placement"]!.AsArray();
                return members.Where(m => (string)m!["status"]! == "Active").Select(m => (string)m!["name"]!).Order().SequenceEqual(["silo-a", "silo-b"])
                    && members.All(m => m!["dashboard"] is not null)
                    && placement.Select(s => (string)s!["peer"]!["name"]!).Order().SequenceEqual(["silo-a", "silo-b"])
                    && placement.All(s => s!["summary"] is JsonObject && s["peer"]!["error"] is null)
                    && placement.All(s => (string)s!["summary"]!["runtime"]!["status"]! == "Active" && (int)s["summary"]!["runtime"]!["activeSilos"]! == 2);
            },
            "silo-a's dashboard lists itself and silo-b as Active members, both read without error",
            TestTimings.Generous);

        // Whichever silo runs the demo Service's grain, both dashboards show its row and its detail from that silo,
        // and that silo's activations include a Service grain.
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
                    var list = await JsonAsync(http, silo, "api/grains/services");
                    var rows = list["items"]!.AsArray().Where(r => (string?)r!["key"] == "default/nginx").ToList();
                    var detail = await JsonAsync(http, silo, "api/grains/services/default/nginx");
                    if (rows is not [{ } row] || (string?)row["loadBalancerId"] != lb || (string?)row["silo"] != owner.Name
                        || (string?)detail["silo"] != owner.Name || (string?)detail["state"]!["loadBalancerId"] != lb || detail["activation"] is null)
                    {
                        return false;
                    }

                    var hosting = (await JsonAsync(http, silo, "api/membership"))["placement"]!.AsArray().Single(s => (string)s!["peer"]!["name"]! == owner.Name)!;
                    if (!hosting["summary"]!["runtime"]!["grainTypes"]!.AsArray().Any(t => (string)t!["grainType"]! == "service" && (int)t["activations"]! >= 1))
                    {
                        return false;
                    }
                }

                return true;
            },
            "both dashboards show the demo Service's CLB and activation from the silo that runs its grain",
            TestTimings.Generous);
    }

    private static async Task<JsonNode> JsonAsync(HttpClient http, InProcessSilo silo, string path)
    {
        using var response = await http.GetAsync(new Uri(silo.DashboardUrl!, path));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} on {silo.Name}: {(int)response.StatusCode} {body}");
        Assert.DoesNotContain(Token, body, StringComparison.Ordinal);
        return JsonNode.Parse(body)!;
    }
}
