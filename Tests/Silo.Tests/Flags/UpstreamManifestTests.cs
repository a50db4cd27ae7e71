using Ccm.Silo.CloudConfiguration;
using Ccm.Silo.Options;
using Ccm.Silo.Tests.Support;

namespace Ccm.Silo.Tests.Flags;

/// <summary>The argument lists of the upstream DaemonSet manifests (Fixtures/*.args, sources cited there) start unchanged.</summary>
public sealed class UpstreamManifestTests : IDisposable
{
    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    /// <summary>
    /// A fixture's arguments with the kubeconfig and cloud-config paths pointed at test files. The getting-started list
    /// predates --cloud-config (that CCM read its AccessKey from the environment); today's upstream requires the flag
    /// too ("cloud config cannot be empty"), so it is added where missing.
    /// </summary>
    public static string[] PointedAtTestFiles(string fixture, string cloudConfig)
    {
        var args = TestFiles.FixtureArguments(fixture);
        var pointed = args.Select((arg, i) =>
            arg.StartsWith("--kubeconfig=", StringComparison.Ordinal) ? "--kubeconfig=" + TestFiles.Fixture("kubeconfig.yaml")
            : arg.StartsWith("--cloud-config=", StringComparison.Ordinal) ? "--cloud-config=" + cloudConfig
            : i > 0 && args[i - 1] == "--kubeconfig" ? TestFiles.Fixture("kubeconfig.yaml")
            : i > 0 && args[i - 1] == "--cloud-config" ? cloudConfig
            : arg);
        var namesCloudConfig = args.Any(a => a == "--cloud-config" || a.StartsWith("--cloud-config=", StringComparison.Ordinal));
        return [.. pointed, .. namesCloudConfig ? [] : new[] { "--cloud-config=" + cloudConfig }];
    }

    [Theory]
    [InlineData("upstream-deploy-v1.args", new[] { "--address", "--allow-untagged-cloud", "--cloud-provider", "--use-service-account-credentials", "--allocate-node-cidrs" })]
    [InlineData("upstream-deploy-v2.args", new string[0])]
    [InlineData("upstream-getting-started.args", new[] { "--address", "--cloud-provider", "--allocate-node-cidrs", "--use-service-account-credentials" })]
    [InlineData("upstream-docs-example.args", new[] { "--cloud-provider", "--use-service-account-credentials" })]
    [InlineData("upstream-klog-space-form.args", new[] { "--logtostderr", "--alsologtostderr", "--log_dir", "--log_file", "--log_file_max_size", "--stderrthreshold", "--vmodule", "--skip_headers", "--one_output", "--add_dir_header" })]
    public void Parses_and_reports_the_ignored_flags(string fixture, string[] ignored)
    {
        var args = PointedAtTestFiles(fixture, TestFiles.Fixture("upstream-configmap-cloud-config.conf"));
        var result = CommandLine.Parse(args, TestEnvironment.Empty);

        Assert.True(result.Action == CommandLineAction.Run, string.Join("\n", result.Errors));
        Assert.Equal(ignored.Order(), result.Options!.IgnoredFlags.Select(f => f.Flag).Distinct().Order());
    }

    [Theory]
    [InlineData("upstream-docs-example.args", "endpoints")]
    [InlineData("upstream-klog-space-form.args", "configmaps")]
    public void An_endpoints_or_configmaps_lock_starts_the_silo_and_is_logged_once_as_read_as_leases(string fixture, string lockKind)
    {
        var options = CommandLine.Parse(PointedAtTestFiles(fixture, TestFiles.Fixture("upstream-configmap-cloud-config.conf")), TestEnvironment.Empty).Options!;
        var warning = Assert.Single(options.Warnings, w => w.Subject == "--leader-elect-resource-lock");
        Assert.StartsWith($"{lockKind} is read as leases", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("upstream-deploy-v1.args")]
    [InlineData("upstream-deploy-v2.args")]
    [InlineData("upstream-getting-started.args")]
    [InlineData("upstream-docs-example.args")]
    [InlineData("upstream-klog-space-form.args")]
    public void A_manifest_means_the_same_in_reverse_order(string fixture)
    {
        var args = PointedAtTestFiles(fixture, TestFiles.Fixture("upstream-configmap-cloud-config.conf"));
        var pairs = new List<string[]>(); // "--flag value" stays together when the list is reversed
        for (var i = 0; i < args.Length; i++)
        {
            pairs.Add(i + 1 < args.Length && !args[i + 1].StartsWith('-') ? [args[i], args[++i]] : [args[i]]);
        }

        var forward = CommandLine.Parse(args, TestEnvironment.Empty).Options!;
        var reversed = CommandLine.Parse([.. Enumerable.Reverse(pairs).SelectMany(p => p)], TestEnvironment.Empty).Options!;
        Assert.Equal(Summary(forward), Summary(reversed));
    }

    private static string Summary(SiloOptions o) => string.Join("\n",
        o.ConfigureCloudRoutes, o.ClusterCidr, o.LeaderElection, string.Join(",", o.Controllers), o.RouteReconciliationPeriod, o.LogFormat, o.Verbosity,
        o.FeatureGates, string.Join(",", o.IgnoredFlags.Select(f => f.Flag).Order()), string.Join(",", o.Warnings.Select(w => w.Message).Order()));

    [Fact]
    public void Klog_flags_apply_where_they_mean_something_here()
    {
        var options = CommandLine.Parse(PointedAtTestFiles("upstream-klog-space-form.args", TestFiles.Fixture("upstream-configmap-cloud-config.conf")), TestEnvironment.Empty).Options!;
        Assert.Equal(LogFormat.Json, options.LogFormat); // --logging-format=json
        Assert.Equal(4, options.Verbosity); // --v 4
        Assert.Equal("/var/log/ccm", options.IgnoredFlags.Single(f => f.Flag == "--log_dir").Value);
    }

    [Fact]
    public void Dashed_and_underscored_spellings_of_a_klog_flag_are_the_same_flag()
    {
        var cloudConfig = TestFiles.Fixture("upstream-configmap-cloud-config.conf");
        var dashed = CommandLine.Parse([$"--cloud-config={cloudConfig}", "--configure-cloud-routes=false", "--log-dir=/tmp/x"], TestEnvironment.Empty);
        Assert.True(dashed.Action == CommandLineAction.Run, string.Join("\n", dashed.Errors));
        Assert.Equal("--log_dir", Assert.Single(dashed.Options!.IgnoredFlags).Flag);
    }

    [Fact]
    public void The_v1_manifest_means_what_it_says()
    {
        var options = CommandLine.Parse(PointedAtTestFiles("upstream-deploy-v1.args", TestFiles.Fixture("upstream-configmap-cloud-config.conf")), TestEnvironment.Empty).Options!;
        Assert.False(options.ConfigureCloudRoutes);
        Assert.True(options.LeaderElection.Enabled);
        Assert.Empty(options.FeatureGates.Unknown);
        Assert.True(options.FeatureGates.Explicit["ServiceNodeExclusion"]);
        Assert.Equal<string>(["service", "node"], [.. options.Controllers]);
    }

    [Fact]
    public void The_v2_manifest_disables_metrics()
    {
        var options = CommandLine.Parse(PointedAtTestFiles("upstream-deploy-v2.args", TestFiles.Fixture("upstream-configmap-cloud-config.conf")), TestEnvironment.Empty).Options!;
        Assert.Null(options.MetricsBindAddress);
        Assert.NotNull(options.HealthProbeBindAddress);
    }

    [Fact]
    public void The_getting_started_manifest_routes_the_cluster_cidr_at_least_every_minute()
    {
        var options = CommandLine.Parse(PointedAtTestFiles("upstream-getting-started.args", TestFiles.Fixture("upstream-configmap-cloud-config.conf")), TestEnvironment.Empty).Options!;
        Assert.True(options.ConfigureCloudRoutes);
        Assert.Equal("172.20.0.0/16", options.ClusterCidr.ToString());
        Assert.Equal(TimeSpan.FromMinutes(1), options.RouteReconciliationPeriod);
        Assert.Equal(5, options.Verbosity);
        Assert.Contains("route", options.Controllers);
    }

    [Fact]
    public async Task The_upstream_configmap_cloud_config_is_completed_from_instance_metadata()
    {
        var loaded = CloudConfigReader.Load(TestFiles.Fixture("upstream-configmap-cloud-config.conf"));
        var completed = await CloudConfigCompletion.CompleteAsync(loaded.Config, FakeInstanceMetadata.Demo, "cloud-config.conf", CancellationToken.None);
        Assert.Equal("cn-hangzhou", completed.Region);
        Assert.Equal("vpc-bp1meta", completed.VpcId);
        Assert.Empty(completed.RouteTableIds);
    }

    [Fact]
    public async Task Each_ignored_flag_is_logged_once_by_name()
    {
        var args = PointedAtTestFiles("upstream-deploy-v1.args", files.Write("cc.json", TestFiles.ValidCloudConfig));
        var result = CommandLine.Parse([.. args, "--address=0.0.0.0", .. SiloTestOptions.LoopbackListeners], TestEnvironment.Empty);
        var cloud = CloudConfigReader.Load(result.Options!.CloudConfigPath!).Config;

        await using var silo = await TestSilo.StartAsync(result.Options, cloud);

        var ignoredLines = silo.Logs.Entries.Where(e => e.Message.StartsWith("Ignoring ", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, ignoredLines.Count);
        var address = Assert.Single(ignoredLines, e => e.Values["Flag"] == "--address");
        Assert.Equal("127.0.0.1", address.Values["Value"]);
        Assert.Equal("the insecure port of old controller managers; health is served on --health-probe-bind-addr", address.Values["Reason"]);
    }
}
