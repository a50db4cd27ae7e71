using Ccm.Silo.Options;
using Ccm.Silo.Tests.Support;

namespace Ccm.Silo.Tests.Flags;

/// <summary>The shapes of arguments pflag accepts, which the upstream manifests and users rely on.</summary>
public sealed class CommandLineFormsTests : IDisposable
{
    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    [Theory]
    [InlineData(new[] { "--route-reconciliation-period=90s" }, 90)]
    [InlineData(new[] { "--route-reconciliation-period", "90s" }, 90)]
    [InlineData(new[] { "--route-reconciliation-period=2m", "--route-reconciliation-period=3m" }, 180)]
    public void Values_follow_an_equals_sign_or_the_next_argument_and_the_last_wins(string[] args, int seconds)
    {
        var options = SiloTestOptions.Parse(files, args);
        Assert.Equal(TimeSpan.FromSeconds(seconds), options.RouteReconciliationPeriod);
    }

    [Theory]
    [InlineData(new string[0], true)]
    [InlineData(new[] { "--leader-elect" }, true)]
    [InlineData(new[] { "--leader-elect=false" }, false)]
    [InlineData(new[] { "--leader-elect=FALSE" }, false)]
    [InlineData(new[] { "--leader-elect=0" }, false)]
    [InlineData(new[] { "--leader-elect=false", "--leader-elect" }, true)]
    public void Booleans_stand_alone_or_take_a_value_after_equals(string[] args, bool expected)
    {
        Assert.Equal(expected, SiloTestOptions.Parse(files, args).LeaderElection.Enabled);
    }

    [Theory]
    [InlineData(new[] { "--v=5" }, 5)]
    [InlineData(new[] { "--v", "3" }, 3)]
    [InlineData(new[] { "-v=4" }, 4)]
    [InlineData(new[] { "-v", "2" }, 2)]
    public void Verbosity_takes_klog_shorthand(string[] args, int expected)
    {
        Assert.Equal(expected, SiloTestOptions.Parse(files, args).Verbosity);
    }

    [Theory]
    [InlineData(new[] { "--controllers=service,node" }, "service,node")]
    [InlineData(new[] { "--controllers= service , node ,," }, "service,node")]
    [InlineData(new[] { "--controllers=service", "--controllers=node" }, "service,node")]
    [InlineData(new[] { "--controllers=service,nlb,ingress" }, "service")]
    [InlineData(new string[0], "service,node")] // route is dropped while --configure-cloud-routes=false
    public void Lists_are_comma_separated_trimmed_and_accumulate(string[] args, string expected)
    {
        Assert.Equal(expected, string.Join(",", SiloTestOptions.Parse(files, args).Controllers));
    }

    [Fact]
    public void Every_default_in_the_help_is_the_value_used()
    {
        var options = SiloTestOptions.Parse(files);
        Assert.Equal(TimeSpan.FromMinutes(5), options.RouteReconciliationPeriod);
        Assert.Equal(new LeaderElectionOptions
        {
            Enabled = true,
            LeaseDuration = TimeSpan.FromSeconds(15),
            RenewDeadline = TimeSpan.FromSeconds(10),
            RetryPeriod = TimeSpan.FromSeconds(2),
            ResourceName = "ccm",
            ResourceNamespace = "kube-system",
        }, options.LeaderElection);
        Assert.Equal(20, options.KubeApiQps);
        Assert.Equal(30, options.KubeApiBurst);
        Assert.Equal(40, options.SgBatchSize);
        Assert.Equal(50, options.RouteReconcileBatchSize);
        Assert.Equal(100, options.NodeReconcileBatchSize);
        Assert.Equal(11111, options.SiloPort);
        Assert.Null(options.SiloTlsDir);
        Assert.Equal(TimeSpan.FromMinutes(10), options.ServiceResyncPeriod);
        Assert.Equal(TimeSpan.FromMinutes(5), options.NodeResyncPeriod);
        Assert.Equal(TimeSpan.FromMinutes(15), options.GrainIdleTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), options.ShutdownTimeout);
        Assert.Equal(NetworkType.Vpc, options.Network);
        Assert.Equal(LogFormat.Text, options.LogFormat);
        Assert.Equal(DashboardAuth.Token, options.Dashboard.Auth);
        Assert.True(options.EnableImdsV2);
        Assert.False(options.DryRun);
    }

    [Fact]
    public void Upstream_defaults_of_the_listeners_are_kept()
    {
        var cloudConfig = files.Write("cc.json", TestFiles.ValidCloudConfig);
        var result = CommandLine.Parse([$"--cloud-config={cloudConfig}", "--configure-cloud-routes=false"], TestEnvironment.Empty);
        var options = result.Options!;
        Assert.Equal(":10258", options.HealthProbeBindAddress!.ToString());
        Assert.Equal(":8080", options.MetricsBindAddress!.ToString());
        Assert.Equal(":8080", options.DashboardBindAddress!.ToString());
    }

    [Fact]
    public void The_pod_environment_supplies_defaults_and_flags_override_it()
    {
        var cloudConfig = files.Write("cc.json", TestFiles.ValidCloudConfig);
        var kubeconfig = TestFiles.Fixture("kubeconfig.yaml");
        var environment = TestEnvironment.With(("POD_NAME", "ccm-1"), ("POD_NAMESPACE", "ccm-system"), ("POD_IP", "10.0.0.7"), ("KUBECONFIG", kubeconfig));
        string[] baseArgs = [$"--cloud-config={cloudConfig}", "--configure-cloud-routes=false"];

        var fromEnvironment = CommandLine.Parse(baseArgs, environment).Options!;
        Assert.Equal("ccm-1", fromEnvironment.SiloName);
        Assert.Equal("ccm-system", fromEnvironment.LeaderElection.ResourceNamespace);
        Assert.Equal("10.0.0.7", fromEnvironment.PodIP);
        Assert.Null(fromEnvironment.Kubeconfig); // $KUBECONFIG comes after the service account (client-go's order)
        Assert.Equal(kubeconfig, fromEnvironment.KubeconfigEnvironment);

        var overridden = CommandLine.Parse([.. baseArgs, "--silo-name=other", "--leader-elect-resource-namespace=kube-system"], environment).Options!;
        Assert.Equal("other", overridden.SiloName);
        Assert.Equal("kube-system", overridden.LeaderElection.ResourceNamespace);
    }

    [Fact]
    public void A_KUBECONFIG_list_is_accepted_when_one_of_its_files_exists()
    {
        var list = $"/nonexistent/kubeconfig:{TestFiles.Fixture("kubeconfig.yaml")}";
        var result = CommandLine.Parse([$"--cloud-config={files.Write("cc.json", "{}")}", "--configure-cloud-routes=false"], TestEnvironment.With(("KUBECONFIG", list)));
        Assert.Equal(list, result.Options!.KubeconfigEnvironment);
    }

    [Fact]
    public void Without_a_pod_name_the_silo_is_named_after_the_host()
    {
        var options = CommandLine.Parse([$"--cloud-config={files.Write("cc.json", "{}")}", "--configure-cloud-routes=false"], TestEnvironment.Empty).Options!;
        Assert.Equal(Environment.MachineName.ToLowerInvariant(), options.SiloName);
    }

    [Fact]
    public void Endpoint_variables_are_carried_for_the_cloud_clients()
    {
        var environment = TestEnvironment.With(
            ("SLB_ENDPOINT", "127.0.0.1:4000"), ("VPC_ENDPOINT", "127.0.0.1:4001"), ("ECS_ENDPOINT", "127.0.0.1:4002"),
            ("ALICLOUD_CLIENT_SCHEME", "HTTP"), ("METADATA_ENDPOINT", "http://127.0.0.1:4003"));
        var options = CommandLine.Parse([$"--cloud-config={files.Write("cc.json", "{}")}", "--configure-cloud-routes=false"], environment).Options!;
        Assert.Equal(new CloudEndpoints { Slb = "127.0.0.1:4000", Vpc = "127.0.0.1:4001", Ecs = "127.0.0.1:4002", Scheme = "http", Metadata = "http://127.0.0.1:4003" }, options.Endpoints);
    }

    [Fact]
    public void Sandbox_needs_no_cloud_config_nor_cluster_cidr_and_opens_the_dashboard()
    {
        var result = CommandLine.Parse(["--sandbox"], TestEnvironment.Empty);
        Assert.Equal(CommandLineAction.Run, result.Action);
        Assert.True(result.Options!.Sandbox);
        Assert.Equal(DashboardAuth.None, result.Options.Dashboard.Auth);
        Assert.Contains("route", result.Options.Controllers);
    }

    [Fact]
    public void A_route_period_below_one_minute_is_raised_with_a_warning_as_upstream_does()
    {
        var options = SiloTestOptions.Parse(files, "--route-reconciliation-period=30s");
        Assert.Equal(TimeSpan.FromMinutes(1), options.RouteReconciliationPeriod);
        var warning = Assert.Single(options.Warnings, w => w.Subject == "--route-reconciliation-period");
        Assert.Equal("30s is below the minimum; using 1m (upstream raises it the same way)", warning.Message);
    }

    [Theory]
    [InlineData("endpointsleases")]
    [InlineData("configmapsleases")]
    [InlineData("endpoints")]
    [InlineData("configmaps")]
    public void Every_upstream_lock_kind_is_accepted_with_a_warning_that_leases_are_used(string lockKind)
    {
        var options = SiloTestOptions.Parse(files, $"--leader-elect-resource-lock={lockKind}");
        var warning = Assert.Single(options.Warnings, w => w.Subject == "--leader-elect-resource-lock");
        Assert.Contains("leases only", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Feature_gates_from_the_flag_override_the_cloud_config_and_unknown_or_locked_gates_are_reported()
    {
        var options = SiloTestOptions.Parse(files, "--feature-gates=IPv6DualStack=true,ServiceNodeExclusion=true,ServiceNodeExclusoin=true", "--feature-gates=EndpointSlice=false,Frobnicate=true");
        Assert.True(options.FeatureGates.IsEnabled("IPv6DualStack"));
        Assert.True(options.FeatureGates.IsEnabled("ServiceNodeExclusion"));
        Assert.Equal("ServiceNodeExclusoin,Frobnicate", string.Join(",", options.FeatureGates.Unknown));
        var warnings = options.Warnings.Where(w => w.Subject == "--feature-gates").Select(w => w.Message).ToList();
        Assert.Contains("unknown gate ServiceNodeExclusoin is ignored; did you mean ServiceNodeExclusion?", warnings);
        Assert.Contains(warnings, w => w.StartsWith("unknown gate Frobnicate is ignored (known: EndpointSlice, ", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("EndpointSlice=false is ignored: backends are always read from EndpointSlices", StringComparison.Ordinal));
        Assert.Equal(3, warnings.Count);

        Assert.True(FeatureGates.TryParse("EndpointSlice=true,IPv6DualStack=false,LoadBalancerTypeAnnotation=true", out var fromCloudConfig, out _));
        var effective = fromCloudConfig.Overriding(options.FeatureGates);
        Assert.True(effective.IsEnabled("IPv6DualStack"));
        Assert.True(effective.IsEnabled("LoadBalancerTypeAnnotation"));
        Assert.True(effective.IsEnabled("FilterServiceOnNodeChange")); // locked on
    }

    [Fact]
    public void Turning_a_locked_gate_off_is_reported_once_per_gate_and_turning_it_on_is_silent()
    {
        Assert.True(FeatureGates.TryParse("ServiceNodeExclusion=false,FilterServiceOnNodeChange=true", out var gates, out _));
        var finding = Assert.Single(gates.Findings());
        Assert.StartsWith("ServiceNodeExclusion=false is ignored: nodes labelled node.kubernetes.io/exclude-from-external-load-balancers are never backends", finding, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Help_wins_over_everything_else(string flag)
    {
        Assert.Equal(CommandLineAction.Help, CommandLine.Parse(["--nonsense", flag], TestEnvironment.Empty).Action);
    }

    [Fact]
    public void Version_is_its_own_action()
    {
        Assert.Equal(CommandLineAction.Version, CommandLine.Parse(["--version"], TestEnvironment.Empty).Action);
    }
}
