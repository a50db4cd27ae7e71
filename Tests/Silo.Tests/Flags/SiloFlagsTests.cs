using Ccm.Silo.Options;
using Ccm.Silo.Tests.Support;

namespace Ccm.Silo.Tests.Flags;

/// <summary>The flags that place the silo in its cluster: its name, its silo port and TLS, and what replaced shards.</summary>
public sealed class SiloFlagsTests : IDisposable
{
    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    [Theory]
    [InlineData("--silo-port=11112", 11112)]
    [InlineData("--silo-port=0", 0)]
    public void The_silo_port_is_where_silos_reach_each_other(string flag, int port)
    {
        Assert.Equal(port, SiloTestOptions.Parse(files, flag).SiloPort);
    }

    [Theory]
    [InlineData("--silo-port=65536")]
    [InlineData("--silo-port=-1")]
    [InlineData("--silo-port=many")]
    public void A_silo_port_outside_0_to_65535_is_refused(string flag)
    {
        var result = Parse(flag);
        Assert.Equal(CommandLineAction.Error, result.Action);
        Assert.StartsWith("--silo-port", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void The_silo_TLS_folder_is_taken_as_given()
    {
        var folder = Path.Combine(files.Root, "silo-tls");
        Assert.Equal(folder, SiloTestOptions.Parse(files, $"--silo-tls-dir={folder}").SiloTlsDir);
    }

    [Fact]
    public void Shards_are_accepted_from_old_manifests_and_ignored_with_the_reason()
    {
        var result = Parse("--shards=8");

        Assert.Equal(CommandLineAction.Run, result.Action);
        var ignored = Assert.Single(result.Options!.IgnoredFlags, f => f.Flag == "--shards");
        Assert.Equal("8", ignored.Value);
        Assert.Equal("grains are placed by Orleans on the silo that owns their key; there are no shard Leases any more", ignored.Reason);
    }

    [Fact]
    public async Task The_ignored_shards_flag_is_logged_at_start_with_its_reason()
    {
        await using var silo = await TestSilo.StartAsync(SiloTestOptions.Parse(files, "--shards=8"));

        var line = Assert.Single(silo.Logs.Entries, e => e.Message.StartsWith("Ignoring ", StringComparison.Ordinal) && e.Values["Flag"] == "--shards");
        Assert.Equal("8", line.Values["Value"]);
        Assert.Contains("placed by Orleans", line.Values["Reason"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Silo_1")]
    [InlineData("-silo")]
    public void A_silo_name_that_cannot_name_a_lease_is_refused(string name)
    {
        var result = Parse($"--silo-name={name}");
        Assert.Equal(CommandLineAction.Error, result.Action);
        Assert.StartsWith($"--silo-name: \"{name}\" is not allowed", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void The_sandbox_names_its_silo_sandbox_and_listens_on_loopback_only()
    {
        var options = CommandLine.Parse(["--sandbox"], TestEnvironment.Empty).Options!;
        Assert.Equal("sandbox", options.SiloName);
        Assert.All([options.HealthProbeBindAddress, options.MetricsBindAddress, options.DashboardBindAddress], a => Assert.Equal("127.0.0.1:0", a!.ToString()));
    }

    [Fact]
    public void A_listener_flag_given_with_the_sandbox_is_kept()
    {
        var options = CommandLine.Parse(["--sandbox", "--health-probe-bind-addr=127.0.0.1:10258", "--metrics-bind-addr=0"], TestEnvironment.Empty).Options!;
        Assert.Equal("127.0.0.1:10258", options.HealthProbeBindAddress!.ToString());
        Assert.Null(options.MetricsBindAddress);
    }

    private CommandLineResult Parse(params string[] extra)
    {
        var cloudConfig = files.Write("cc.json", TestFiles.ValidCloudConfig);
        return CommandLine.Parse([$"--cloud-config={cloudConfig}", "--configure-cloud-routes=false", .. SiloTestOptions.LoopbackListeners, .. extra], TestEnvironment.Empty);
    }
}
