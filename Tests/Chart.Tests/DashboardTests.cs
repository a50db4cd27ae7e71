using System.Text;

namespace Ccm.Chart.Tests;

/// <summary>The dashboard Service and its credentials: a generated token by default, basic auth, or none on request.</summary>
public sealed class DashboardTests
{
    [Fact]
    public async Task Default_is_a_cluster_ip_service_on_8080()
    {
        var service = (await ChartRenderer.RenderAsync()).Single("Service", "ccm-dashboard")["spec"]!;

        Assert.Equal("ClusterIP", (string?)service["type"]);
        Assert.Equal(8080, (int)service["ports"]![0]!["port"]!);
        Assert.Equal("dashboard", (string?)service["ports"]![0]!["targetPort"]);
    }

    [Fact]
    public async Task Default_token_is_48_random_characters_mounted_for_the_silo()
    {
        var chart = await ChartRenderer.RenderAsync();
        var token = Decode(chart.Single("Secret", "ccm-dashboard-auth")["data"]!["token"]!.GetValue<string>());

        Assert.Matches("^[A-Za-z0-9]{48}$", token);
        Assert.Equal("token", chart.Arg("--dashboard-auth"));
        Assert.Equal("/etc/ccm/dashboard/token", chart.Arg("--dashboard-token-file"));
        Assert.Equal("ccm-dashboard-auth", (string?)chart.Volume("dashboard-auth")["secret"]!["secretName"]);
    }

    [Fact]
    public async Task Each_fresh_render_generates_a_different_token()
    {
        // helm template has no live Secret to look up, so two renders must not share a token (it is random).
        var first = await ChartRenderer.TemplateAsync([]);
        var second = await ChartRenderer.TemplateAsync([]);

        static string Token(string manifest) =>
            RenderedChart.Parse(manifest).Single("Secret", "ccm-dashboard-auth")["data"]!["token"]!.GetValue<string>();
        Assert.NotEqual(Token(first.StandardOutput), Token(second.StandardOutput));
    }

    [Fact]
    public async Task Basic_auth_generates_user_and_password_and_passes_the_file()
    {
        var chart = await ChartRenderer.RenderAsync(ValueSets.BasicAuth);
        var auth = Decode(chart.Single("Secret", "ccm-dashboard-auth")["data"]!["auth"]!.GetValue<string>());

        Assert.Matches("^operator:[A-Za-z0-9]{32}$", auth);
        Assert.Equal("basic", chart.Arg("--dashboard-auth"));
        Assert.Equal("/etc/ccm/dashboard/auth", chart.Arg("--dashboard-basic-auth-file"));
        Assert.Null(chart.Arg("--dashboard-token-file"));
        Assert.Equal("NodePort", (string?)chart.Single("Service", "ccm-dashboard")["spec"]!["type"]);
    }

    [Fact]
    public async Task No_auth_renders_no_secret_and_mounts_none()
    {
        var chart = await ChartRenderer.RenderAsync(ValueSets.NoAuth);

        Assert.Equal("none", chart.Arg("--dashboard-auth"));
        Assert.Equal(["ccm-silo-tls"], chart.OfKind("Secret").Select(o => (string)o["metadata"]!["name"]!)); // only the silos' certificate
        Assert.False(chart.HasVolume("dashboard-auth"));
        Assert.Null(chart.Arg("--dashboard-token-file"));
        Assert.Equal("ClusterIP", (string?)chart.Single("Service", "ccm-dashboard")["spec"]!["type"]);
    }

    [Fact]
    public async Task Existing_secret_is_mounted_and_nothing_is_generated()
    {
        var chart = await ChartRenderer.RenderAsync(ValueSets.ExistingDashboardSecret);

        Assert.Equal(["ccm-silo-tls"], chart.OfKind("Secret").Select(o => (string)o["metadata"]!["name"]!)); // only the silos' certificate
        Assert.Equal("my-dashboard-token", (string?)chart.Volume("dashboard-auth")["secret"]!["secretName"]);
        Assert.False(chart.Has("Service", "ccm-dashboard"));
    }

    private static string Decode(string base64) => Encoding.UTF8.GetString(Convert.FromBase64String(base64));
}
