using Ccm.Silo.Dashboard.Local;
using Ccm.Silo.Tests.Support;

namespace Ccm.Silo.Tests.Dashboard;

/// <summary>Where peers read this silo's dashboard, as it advertises in its Orleans silo metadata.</summary>
public sealed class DashboardAddressTests : IDisposable
{
    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    [Theory]
    [InlineData("10.0.0.5", ":8080", "http://10.0.0.5:8080")]
    [InlineData(null, "127.0.0.1:9000", "http://127.0.0.1:9000")]
    [InlineData(null, ":8080", null)]
    [InlineData(null, "127.0.0.1:0", null)]
    [InlineData("10.0.0.5", "0", null)]
    public void Peers_reach_the_silo_at_its_pod_IP_or_its_own_dashboard_address(string? podIp, string dashboard, string? expected)
    {
        var options = SiloTestOptions.Parse(files, $"--dashboard-bind-addr={dashboard}", "--metrics-bind-addr=127.0.0.1:0") with { PodIP = podIp };
        Assert.Equal(expected, DashboardAddress.Of(options));
    }
}
