using System.Net;
using System.Net.Sockets;
using Ccm.Silo.CloudConfiguration;
using Ccm.Silo.Tests.Support;

namespace Ccm.Silo.Tests.Hosting;

public sealed class ListenerPreflightTests : IDisposable
{
    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public async Task A_port_in_use_stops_the_start_naming_the_flags_that_asked_for_it()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;
        var cloudConfig = files.Write("cc.json", TestFiles.ValidCloudConfig);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var safety = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var exitCode = await SiloApp.RunAsync(
            [$"--cloud-config={cloudConfig}", "--configure-cloud-routes=false", $"--health-probe-bind-addr=127.0.0.1:{port}", $"--metrics-bind-addr=127.0.0.1:{port}", "--dashboard-bind-addr=0"],
            TestEnvironment.Empty, new UnavailableInstanceMetadata(), stdout, stderr, safety.Token);

        Assert.Equal(1, exitCode);
        Assert.Equal($"error: cannot listen on 127.0.0.1:{port} for --health-probe-bind-addr and --metrics-bind-addr: the address is already in use by another process\n", stderr.ToString().ReplaceLineEndings("\n"));
    }
}
