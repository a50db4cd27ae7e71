using System.Net;
using System.Net.Sockets;
using Ccm.Silo.Hosting;
using Ccm.Silo.Options;
using Ccm.Silo.Tests.Support;
using Ccm.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ccm.Silo.Tests.Hosting;

public sealed class ListenerTests : IDisposable
{
    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    [Theory]
    [InlineData(":10258", ":8080", ":8080", new[] { ":10258 Health", ":8080 Metrics, Dashboard" })]
    [InlineData(":10258", "0", ":8080", new[] { ":10258 Health", ":8080 Dashboard" })]
    [InlineData(":9000", ":9000", ":9000", new[] { ":9000 Health, Metrics, Dashboard" })]
    [InlineData("127.0.0.1:0", "127.0.0.1:0", "0", new[] { "127.0.0.1:0 Health, Metrics" })]
    [InlineData("0", "0", "0", new string[0])]
    public void Equal_addresses_share_one_listener_and_0_disables(string health, string metrics, string dashboard, string[] expected)
    {
        var options = SiloTestOptions.Parse(files, $"--health-probe-bind-addr={health}", $"--metrics-bind-addr={metrics}", $"--dashboard-bind-addr={dashboard}");
        Assert.Equal(expected, ListenerPlan.From(options).Select(l => $"{l.Address} {l.Roles}"));
    }

    [Fact]
    public async Task Each_listener_answers_only_its_own_routes()
    {
        // Two listeners on loopback: one dynamic port shared by health and metrics, one free port for the dashboard.
        var dashboardPort = FreePort();
        var options = SiloTestOptions.Parse(files, "--health-probe-bind-addr=127.0.0.1:0", "--metrics-bind-addr=127.0.0.1:0", $"--dashboard-bind-addr=127.0.0.1:{dashboardPort}");
        await using var silo = await TestSilo.StartAsync(options, configure: b => b.Services.AddSingleton<IEndpointContributor, DashboardStub>());

        var bound = silo.Listeners.Bound;
        Assert.Equal(2, bound.Count);
        var shared = silo.Url(ListenerRoles.Health, "/");
        Assert.Equal(shared, silo.Url(ListenerRoles.Metrics, "/"));
        Assert.NotEqual(0, shared.Port);
        var dashboard = silo.Url(ListenerRoles.Dashboard, "/");
        Assert.Equal(dashboardPort, dashboard.Port);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(silo, new Uri(shared, "/healthz")));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(silo, new Uri(shared, "/metrics")));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(silo, new Uri(shared, "/dashboard-stub")));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(silo, new Uri(dashboard, "/dashboard-stub")));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(silo, new Uri(dashboard, "/healthz")));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(silo, new Uri(dashboard, "/metrics")));
    }

    [Fact]
    public async Task The_log_names_each_listener_with_its_real_port()
    {
        await using var silo = await TestSilo.StartAsync(SiloTestOptions.Parse(files, "--dashboard-bind-addr=0"));
        var url = silo.Listeners.UrlOf(ListenerRoles.Health)!;
        await Eventually.TrueAsync(() => silo.Logs.Entries.Any(e => e.Message == $"Serving Health, Metrics on {url}"), "the serving line is logged after start");
    }

    [Fact]
    public async Task With_every_listener_disabled_nothing_is_bound()
    {
        await using var silo = await TestSilo.StartAsync(SiloTestOptions.Parse(files, "--health-probe-bind-addr=0", "--metrics-bind-addr=0", "--dashboard-bind-addr=0"));
        Assert.Empty(silo.Listeners.Bound);
        Assert.Null(silo.Listeners.UrlOf(ListenerRoles.Health));
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static async Task<HttpStatusCode> StatusAsync(TestSilo silo, Uri url)
    {
        using var response = await silo.Http.GetAsync(url);
        return response.StatusCode;
    }

    private sealed class DashboardStub : IEndpointContributor
    {
        public ListenerRoles Role => ListenerRoles.Dashboard;

        public void MapRoutes(IEndpointRouteBuilder routes) => routes.MapGet("/dashboard-stub", () => Results.Text("dashboard"));
    }
}
