using System.Net;
using Ccm.Silo.Tests.Support;

namespace Ccm.Silo.Tests.Dashboard;

/// <summary>The page shell and its files (the browser tests in Tests/EndToEnd.Tests/Dashboard check what they render).</summary>
public sealed class DashboardPageTests : IAsyncLifetime
{
    private readonly TestFiles files = new();
    private DashboardHost host = null!;

    public async Task InitializeAsync() => host = await DashboardHost.StartAsync(files, flags: "--dashboard-auth=none");

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        files.Dispose();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/services")]
    [InlineData("/services/default/nginx")]
    [InlineData("/nodes/node-1")]
    [InlineData("/routetables")]
    [InlineData("/cloud")]
    [InlineData("/membership")]
    [InlineData("/silos")]
    public async Task Every_page_path_serves_the_shell_with_navigation_and_its_script(string path)
    {
        using var response = await host.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<script type=\"module\" src=\"/assets/js/app.js\"></script>", html);
        Assert.Contains("href=\"/services\"", html);
        Assert.Contains("href=\"/cloud\"", html);
    }

    [Fact]
    public async Task Every_script_the_shell_imports_is_served_as_javascript()
    {
        var app = await (await host.GetAsync("/assets/js/app.js")).Content.ReadAsStringAsync();
        var imports = System.Text.RegularExpressions.Regex.Matches(app, @"from '\./([a-z]+\.js)'").Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("overview.js", imports);
        foreach (var script in imports.Append("dom.js").Append("format.js").Append("facts.js").Append("common.js"))
        {
            using var response = await host.GetAsync("/assets/js/" + script);
            Assert.True(response.StatusCode == HttpStatusCode.OK, script);
            Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        }

        using var css = await host.GetAsync("/assets/dashboard.css");
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Pages_are_locked_down_for_browsers()
    {
        using var response = await host.GetAsync("/");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task A_file_that_has_not_changed_is_answered_with_304()
    {
        using var first = await host.GetAsync("/assets/js/app.js");
        var request = new HttpRequestMessage(HttpMethod.Get, host.Url("/assets/js/app.js"));
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await host.Silo.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task An_unknown_file_is_404()
    {
        using var response = await host.GetAsync("/assets/js/missing.js");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_dashboard_answers_only_on_its_own_listener()
    {
        // Its own port for the dashboard, so health and metrics share a different listener.
        await using var separate = await DashboardHost.StartAsync(files, name: "silo-b", flags: ["--dashboard-auth=none", $"--dashboard-bind-addr=127.0.0.1:{FreePort()}"]);
        var health = separate.Silo.Url(Ccm.Silo.Hosting.ListenerRoles.Health, "/api/overview");
        Assert.NotEqual(health.Port, separate.Url("/").Port);

        using var onHealth = await separate.Silo.Http.GetAsync(health);
        Assert.Equal(HttpStatusCode.NotFound, onHealth.StatusCode);
        using var onDashboard = await separate.GetAsync("/api/overview");
        Assert.Equal(HttpStatusCode.OK, onDashboard.StatusCode);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
