using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ccm.GrainInterfaces.State;
using Ccm.Sandbox.Demo;
using Ccm.Silo.SandboxHosting;
using Ccm.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ccm.EndToEnd.Tests.Dashboard;

/// <summary>
/// The dashboard in a real browser: a silo joins the sandbox's emulators, the upstream documentation's example
/// LoadBalancer Service is created, and the operator finds it, its CLB and its backends on the pages, and where the
/// cluster's silos and grains are.
/// </summary>
public sealed class DashboardBrowserTests : IAsyncLifetime
{
    private const string Token = "e2e-dashboard-token-0123456789";

    private SandboxWorld world = null!;

    public async Task InitializeAsync() => world = await SandboxWorld.StartAsync(deployDemoApp: false);

    public Task DisposeAsync() => world.DisposeAsync();

    [Fact]
    public async Task The_example_Service_is_found_with_its_CLB_and_its_detail_shows_listeners_backends_and_its_activation()
    {
        var silo = await StartSiloAsync();
        var state = await ExampleServiceConvergesAsync(silo);
        var listener = state.Listeners.Single();

        await using var browser = await DashboardBrowser.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(silo.DashboardUrl!, "/services").ToString());

        // Outside the sandbox the shell asks for the token before any data is shown.
        await SignInAsync(page);

        await page.FillAsync("#search", state.LoadBalancerId!);
        var row = page.Locator("#rows tbody tr").Filter(new LocatorFilterOptions { HasText = "default/nginx" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync(state.LoadBalancerId!);
        await Expect(row).ToContainTextAsync(state.Address!);
        await Expect(page.Locator("#rows thead")).ToContainTextAsync("Runs on silo");
        await Expect(row.Locator("td").Last).ToHaveTextAsync(silo.Name);
        await DashboardBrowser.ScreenshotAsync(page, "services");

        await row.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "default/nginx" }).ClickAsync();
        await page.WaitForURLAsync("**/services/default/nginx");
        await Expect(page.Locator("#clb-id")).ToHaveTextAsync(state.LoadBalancerId!);
        await Expect(page.Locator("#address")).ToHaveTextAsync(state.Address!);
        var listeners = page.Locator("#listeners .listener");
        await Expect(listeners).ToHaveCountAsync(1);
        await Expect(listeners).ToContainTextAsync($"{listener.Protocol.ToUpperInvariant()}:{listener.Port}");
        await Expect(listeners).ToContainTextAsync(listener.VServerGroupId!);
        var backendRows = listeners.Locator(".nested tbody tr");
        await Expect(backendRows).ToHaveCountAsync(DemoWorld.Nodes.Count);
        foreach (var node in DemoWorld.Nodes)
        {
            await Expect(listeners).ToContainTextAsync(node.InstanceId);
        }

        // The plan that made the CLB: each operation with its result (plans are kept, newest first, on the page).
        var applied = state.RecentPlans.Last(p => p.Operations.Count > 0).Operations[0];
        await Expect(page.Locator("#plans")).ToContainTextAsync(applied.Action);

        // Its activation on the silo that runs it: where it stands in the reconcile loop and its last turn; no shards.
        await Expect(page.Locator("#runs-on")).ToHaveTextAsync(silo.Name);
        var activation = page.Locator("#activation");
        await Expect(activation).ToContainTextAsync("activated");
        await Expect(activation).ToContainTextAsync(new Regex(@"turns\s*[1-9]"));
        await Expect(activation).ToContainTextAsync(new Regex("last turn(Succeeded|Requeued)"));
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Reminders");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("shard", new LocatorAssertionsToContainTextOptions { IgnoreCase = true });
        var screenshot = await DashboardBrowser.ScreenshotAsync(page, "service-detail");
        Assert.True(new FileInfo(screenshot).Length > 10_000, $"{screenshot} holds a rendered page");
        var html = await page.ContentAsync();
        Assert.DoesNotContain(Token, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_membership_page_lists_the_silos_of_the_table_and_the_activations_each_hosts()
    {
        var silo = await StartSiloAsync();

        await using var browser = await DashboardBrowser.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(silo.DashboardUrl!.ToString());
        await SignInAsync(page);
        await page.Locator("#nav").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Membership" }).ClickAsync();
        await page.WaitForURLAsync("**/membership");

        var member = page.Locator("#members tbody tr").Filter(new LocatorFilterOptions { HasText = silo.Name });
        await Expect(member).ToHaveCountAsync(1);
        await Expect(member).ToContainTextAsync("(this one)");
        await Expect(member).ToContainTextAsync("Active");
        await Expect(member.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", silo.DashboardUrl.ToString().TrimEnd('/'));

        // The demo nodes' grains are active once the watches synced; the page refreshes until it shows them.
        var nodes = page.Locator("#placement tbody tr").Filter(new LocatorFilterOptions { HasText = "node" });
        await Expect(nodes).ToContainTextAsync(silo.Name);
        await Expect(nodes.Locator("td").Nth(2)).ToHaveTextAsync(new Regex("^[1-9][0-9]*$"));
        await Expect(nodes.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "node" })).ToHaveAttributeAsync("href", $"/nodes?q={silo.Name}");
        await DashboardBrowser.ScreenshotAsync(page, "membership");
    }

    [Fact]
    public async Task Outside_the_sandbox_the_API_answers_401_without_the_token_and_each_grain_type_with_it()
    {
        var silo = await StartSiloAsync();
        var state = await ExampleServiceConvergesAsync(silo);
        using var http = new HttpClient();

        foreach (var path in new[] { "api/overview", "api/membership", "api/grains/services", "api/grains/services/default/nginx", "api/grains/nodes", "api/grains/routetables" })
        {
            using var anonymous = await http.GetAsync(new Uri(silo.DashboardUrl!, path));
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.Single().Scheme);
        }

        var service = await GetJsonAsync(http, silo, "api/grains/services/default/nginx");
        Assert.Equal(state.LoadBalancerId, (string?)service["state"]!["loadBalancerId"]);
        Assert.Equal(state.Address, (string?)service["state"]!["address"]);
        Assert.Equal(DemoWorld.Nodes.Count, service["state"]!["listeners"]![0]!["backendServers"]!.AsArray().Count);

        var nodes = await Eventually.ValueAsync(
            async () => (await GetJsonAsync(http, silo, "api/grains/nodes"))["items"]!.AsArray(),
            items => DemoWorld.Nodes.All(n => items.Any(i => (string?)i!["name"] == n.Name && (string?)i["instanceId"] == n.InstanceId)),
            "every demo node's grain shows its ECS instance",
            TestTimings.Generous);
        Assert.DoesNotContain(nodes, i => (string?)i!["name"] == DemoWorld.VirtualNode.Name && i["instanceId"] is not null);

        // Route tables are listed (empty until the route controller runs here); the endpoint answers for the kind.
        var routeTables = await GetJsonAsync(http, silo, "api/grains/routetables");
        Assert.NotNull(routeTables["items"]);
    }

    private async Task<InProcessSilo> StartSiloAsync()
    {
        var tokenFile = Path.Combine(world.Folder, "dashboard-token");
        await File.WriteAllTextAsync(tokenFile, Token + "\n");
        // No --dashboard-auth: outside the sandbox the default is token.
        return await world.StartSiloAsync("silo-a", [$"--dashboard-token-file={tokenFile}"]);
    }

    private static async Task SignInAsync(IPage page)
    {
        await page.FillAsync("#token", Token);
        await page.ClickAsync("form.login button[type=submit]");
        await Expect(page.Locator("#sign-out")).ToBeVisibleAsync();
    }

    /// <summary>Creates the upstream example (nginx Deployment + LoadBalancer Service) and waits for its CLB.</summary>
    private async Task<ServiceGrainState> ExampleServiceConvergesAsync(InProcessSilo silo)
    {
        world.Kube.Objects.Create(DemoApp.Deployment());
        world.Kube.Objects.Create(DemoApp.Service());
        return await Eventually.ValueAsync(
            () => Task.FromResult(silo.Board.Get<ServiceGrainState>($"{DemoApp.Namespace}/{DemoApp.Name}")),
            s => s is { Phase: GrainPhase.Ready, LoadBalancerId: not null, Address: not null, Listeners: [{ BackendServers.Count: > 0 }] }
                 && s.Listeners[0].BackendServers.Count == DemoWorld.Nodes.Count,
            "the example Service gets its CLB with a listener and every node as a backend",
            TestTimings.Generous) ?? throw new InvalidOperationException("unreachable");
    }

    private static async Task<JsonNode> GetJsonAsync(HttpClient http, InProcessSilo silo, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(silo.DashboardUrl!, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        Assert.DoesNotContain(Token, body, StringComparison.Ordinal);
        return JsonNode.Parse(body)!;
    }
}
