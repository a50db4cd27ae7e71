using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Ccm.GrainInterfaces.State;
using Ccm.Sandbox.Demo;
using Ccm.Silo.SandboxHosting;
using Ccm.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ccm.EndToEnd.Tests.Dashboard;

/// <summary>
/// Orleans' own dashboard beside ours, in a real browser: reached through our navigation, showing the cluster's silos
/// and the CCM's grain types with their activations; outside the sandbox only after a token sign-in, and never showing
/// the token anywhere.
/// </summary>
public sealed class OrleansDashboardBrowserTests : IAsyncLifetime
{
    private const string Token = "e2e-orleans-dashboard-token-0123456789";

    /// <summary>Routes of the Orleans dashboard a browser or script might try, data and files alike.</summary>
    private static readonly string[] OrleansRoutes =
    [
        "orleans", "orleans/", "orleans/index.html", "orleans/index.min.js", "orleans/index.css", "orleans/version", "orleans/DashboardCounters",
        "orleans/ClusterStats", "orleans/Reminders", "orleans/TopGrainMethods", "orleans/GrainTypes", "orleans/LifecycleStages", "orleans/Trace",
        "orleans/GrainState?grainType=Ccm.Grains.Services.ServiceGrain&grainId=default/nginx",
    ];

    private SandboxWorld world = null!;

    public async Task InitializeAsync() => world = await SandboxWorld.StartAsync();

    public Task DisposeAsync() => world.DisposeAsync();

    [Fact]
    public async Task In_the_sandbox_our_navigation_opens_the_Orleans_dashboard_with_the_silo_and_the_CCM_grain_types()
    {
        // The sandbox serves the dashboard without authentication (--sandbox implies --dashboard-auth=none).
        var silo = await world.StartSiloAsync("silo-a", ["--dashboard-auth=none"]);
        await DemoServiceConvergesAsync(silo);
        var address = silo.Get<Orleans.Runtime.ILocalSiloDetails>().SiloAddress.ToParsableString();

        await using var browser = await DashboardBrowser.LaunchAsync();
        var page = await browser.NewPageAsync();
        var violations = PolicyViolations(page);
        await page.GotoAsync(silo.DashboardUrl!.ToString());
        var link = page.Locator("#nav").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Orleans dashboard" });
        await Expect(link).ToBeVisibleAsync();
        await link.ClickAsync();
        await page.WaitForURLAsync("**/orleans/**");
        await Expect(page).ToHaveTitleAsync("Orleans Dashboard");
        // Its files come through our gate too (the logo is fetched by its script, relative to the page).
        await page.WaitForFunctionAsync("() => { const logo = document.querySelector('img.brand-logo'); return logo && logo.complete && logo.naturalWidth > 0; }");

        // Its silos page: this silo in its table of hosts, with its activations.
        await OrleansMenuAsync(page, "Silos");
        var host = page.Locator("tr")
            .Filter(new LocatorFilterOptions { Has = page.Locator($"a[href='#/host/{address}']") })
            .Filter(new LocatorFilterOptions { HasTextRegex = new Regex("[1-9][0-9]* activations") });
        await Expect(host).ToHaveCountAsync(1);
        await DashboardBrowser.ScreenshotAsync(page, "orleans-silos");

        // Its grains page: the CCM's grain types, each with how many activations it has.
        await OrleansMenuAsync(page, "Grains");
        foreach (var grainType in new[] { "Ccm.Grains.Services.ServiceGrain", "Ccm.Grains.Nodes.NodeGrain" })
        {
            var row = page.Locator("tr").Filter(new LocatorFilterOptions { Has = page.Locator($"td[title='{grainType}']") });
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row.Locator("strong").First).ToHaveTextAsync(new Regex("^[1-9][0-9]*$"));
        }

        await DashboardBrowser.ScreenshotAsync(page, "orleans-grains");
        Assert.Empty(violations);
    }

    [Fact]
    public async Task Outside_the_sandbox_every_route_is_401_until_a_token_sign_in_and_the_token_reaches_no_page_answer_or_log()
    {
        var tokenFile = Path.Combine(world.Folder, "dashboard-token");
        await File.WriteAllTextAsync(tokenFile, Token + "\n");
        var silo = await world.StartSiloAsync("silo-a", [$"--dashboard-token-file={tokenFile}"]);
        await DemoServiceConvergesAsync(silo);

        using (var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }))
        {
            foreach (var route in OrleansRoutes)
            {
                using var anonymous = await http.GetAsync(new Uri(silo.DashboardUrl!, route));
                Assert.True(anonymous.StatusCode == HttpStatusCode.Unauthorized, $"{route}: {(int)anonymous.StatusCode}");
            }
        }

        await using var browser = await DashboardBrowser.LaunchAsync();
        var page = await browser.NewPageAsync();
        var violations = PolicyViolations(page);
        var answers = Answers(page);

        // Straight to the Orleans dashboard: the sign-in form stands in for it until the token is given.
        await page.GotoAsync(new Uri(silo.DashboardUrl!, "orleans/").ToString());
        await page.FillAsync("#token", "not-the-" + Token);
        await page.ClickAsync("form.login button[type=submit]");
        await Expect(page.Locator("#sign-in-problem")).ToHaveTextAsync("The token was not accepted.");
        await page.FillAsync("#token", Token);
        await page.ClickAsync("form.login button[type=submit]");
        await page.WaitForURLAsync("**/orleans/**");
        await Expect(page).ToHaveTitleAsync("Orleans Dashboard");
        await OrleansMenuAsync(page, "Grains");
        await Expect(page.Locator("td[title='Ccm.Grains.Services.ServiceGrain']")).ToBeVisibleAsync();

        // The session: HttpOnly (no script reads it), SameSite=Strict, and holding no form of the token.
        var session = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == "ccm-dashboard-session");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, session.SameSite);
        Assert.DoesNotContain(Token, session.Value, StringComparison.Ordinal);
        Assert.Equal(string.Empty, await page.EvaluateAsync<string>("document.cookie"));

        // The same session opens our pages, and signing out there ends it for both.
        await page.GotoAsync(silo.DashboardUrl!.ToString());
        await Expect(page.Locator("#sign-out")).ToBeVisibleAsync();
        await page.ClickAsync("#sign-out");
        await Expect(page.Locator("#token")).ToBeVisibleAsync();
        var signedOut = await page.APIRequest.GetAsync(new Uri(silo.DashboardUrl!, "orleans/DashboardCounters").ToString());
        Assert.Equal(401, signedOut.Status);

        var seen = string.Join("\n", await Task.WhenAll(answers));
        Assert.Contains("Orleans Dashboard", seen, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, seen, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, await page.ContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, LogText(silo), StringComparison.Ordinal);
        Assert.Empty(violations);
    }

    /// <summary>Opens a page of the Orleans dashboard through its own menu.</summary>
    private static async Task OrleansMenuAsync(IPage page, string name)
    {
        await page.Locator("#menu").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = name, Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**#/{name.ToLowerInvariant()}");
    }

    /// <summary>Content-security-policy refusals the browser reports: the pages must need nothing their policy forbids.</summary>
    private static ConcurrentQueue<string> PolicyViolations(IPage page)
    {
        var violations = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Enqueue($"{page.Url}: {message.Text}");
            }
        };
        return violations;
    }

    /// <summary>The headers and text of every answer the browser receives (what a page could ever show).</summary>
    private static readonly TimeSpan AnswerBodyWait = TimeSpan.FromSeconds(15);

    private static ConcurrentBag<Task<string>> Answers(IPage page)
    {
        var answers = new ConcurrentBag<Task<string>>();
        page.Response += (_, response) => answers.Add(ReadAsync(response));
        return answers;

        static async Task<string> ReadAsync(IResponse response)
        {
            var headers = string.Join("\n", (await response.AllHeadersAsync()).Select(h => $"{h.Key}: {h.Value}"));
            try
            {
                // Bounded: the body of a poll the page abandoned when it moved on (the Orleans dashboard polls every
                // second) may never be delivered, and the browser then never settles the read (a CI run hung here).
                return $"{response.Url}\n{headers}\n{await response.TextAsync().WaitAsync(AnswerBodyWait)}";
            }
            catch (PlaywrightException)
            {
                return $"{response.Url}\n{headers}"; // a redirect has no body to read
            }
            catch (TimeoutException)
            {
                return $"{response.Url}\n{headers}"; // never delivered, so never shown either
            }
        }
    }

    private static string LogText(InProcessSilo silo) =>
        string.Join("\n", silo.Logs.Entries.Select(e => $"{e.Message} {string.Join(" ", e.Values.Values)} {e.Exception}"));

    private static Task DemoServiceConvergesAsync(InProcessSilo silo) =>
        Eventually.TrueAsync(
            () => silo.Board.Get<ServiceGrainState>($"{DemoApp.Namespace}/{DemoApp.Name}") is { Phase: GrainPhase.Ready },
            "the demo Service's grain is active and its CLB ready",
            TestTimings.Generous);
}
