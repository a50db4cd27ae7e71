using Ccm.Runtime;
using Ccm.Silo.Composition;
using Ccm.Silo.Options;
using Ccm.Silo.Tests.Support;

namespace Ccm.Silo.Tests.Composition;

public sealed class RuntimeOptionsFactoryTests : IDisposable
{
    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void The_leader_election_flags_time_the_shard_leases()
    {
        var options = SiloTestOptions.Parse(files, "--shards=8", "--leader-elect-lease-duration=3s", "--leader-elect-renew-deadline=2s",
            "--leader-elect-retry-period=500ms", "--leader-elect-resource-name=my-ccm", "--leader-elect-resource-namespace=ccm-system", "--grain-idle-timeout=2m");
        var runtime = new GrainRuntimeOptions();

        RuntimeOptionsFactory.Apply(runtime, options);

        Assert.Equal(("test-silo", 8, TimeSpan.FromMinutes(2)), (runtime.SiloName, runtime.ShardCount, runtime.IdleTimeout));
        Assert.True(runtime.Leases.LeaderElect);
        Assert.Equal(("my-ccm", "ccm-system"), (runtime.Leases.ResourceName, runtime.Leases.Namespace));
        Assert.Equal((TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(500)),
            (runtime.Leases.LeaseDuration, runtime.Leases.RenewDeadline, runtime.Leases.RetryPeriod));
        Assert.Empty(GrainRuntimeOptionsValidator.Errors(runtime));
    }

    [Fact]
    public void Leader_election_off_means_one_silo_owning_every_shard()
    {
        var runtime = new GrainRuntimeOptions();
        RuntimeOptionsFactory.Apply(runtime, SiloTestOptions.Parse(files, "--leader-elect=false"));
        Assert.False(runtime.Leases.LeaderElect);
    }

    [Theory]
    [InlineData("10.0.0.5", ":8080", "http://10.0.0.5:8080")]
    [InlineData(null, "127.0.0.1:9000", "http://127.0.0.1:9000")]
    [InlineData(null, ":8080", null)]
    [InlineData(null, "127.0.0.1:0", null)]
    [InlineData("10.0.0.5", "0", null)]
    public void Peers_reach_the_silo_at_its_pod_IP_or_its_own_dashboard_address(string? podIp, string dashboard, string? expected)
    {
        var options = SiloTestOptions.Parse(files, $"--dashboard-bind-addr={dashboard}", "--metrics-bind-addr=127.0.0.1:0") with { PodIP = podIp };
        Assert.Equal(expected, RuntimeOptionsFactory.AdvertisedAddress(options));
    }

    [Theory]
    [InlineData("Silo_1")]
    [InlineData("-silo")]
    public void A_silo_name_that_cannot_name_a_lease_is_refused(string name)
    {
        var cloudConfig = files.Write("cc.json", TestFiles.ValidCloudConfig);
        var result = CommandLine.Parse([$"--cloud-config={cloudConfig}", "--configure-cloud-routes=false", $"--silo-name={name}"], TestEnvironment.Empty);
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
}
