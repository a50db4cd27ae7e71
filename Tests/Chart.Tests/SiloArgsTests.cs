namespace Ccm.Chart.Tests;

/// <summary>The silo's command line, built from values (flag names from the team's flag catalogue).</summary>
public sealed class SiloArgsTests
{
    [Fact]
    public async Task Default_values_pass_every_flag_explicitly()
    {
        var chart = await ChartRenderer.RenderAsync();

        Assert.Equal(
        [
            "--cloud-config=/etc/kubernetes/config/cloud-config.conf",
            "--controllers=service,node,route",
            "--configure-cloud-routes=false",
            "--route-reconciliation-period=5m",
            "--leader-elect=true",
            "--leader-elect-resource-lock=leases",
            "--leader-elect-lease-duration=15s",
            "--leader-elect-renew-deadline=10s",
            "--leader-elect-retry-period=2s",
            "--leader-elect-resource-name=ccm",
            "--leader-elect-resource-namespace=kube-system",
            "--silo-port=11111",
            "--silo-tls-dir=/etc/ccm/silo-tls",
            "--v=2",
            "--log-format=text",
            "--network=vpc",
            "--enable-imdsv2=true",
            "--service-resync-period=10m",
            "--node-resync-period=5m",
            "--grain-idle-timeout=15m",
            "--kube-api-qps=20",
            "--kube-api-burst=30",
            "--health-probe-bind-addr=$(POD_IP):10258",
            "--metrics-bind-addr=:8080",
            "--dashboard-bind-addr=:8080",
            "--dashboard-auth=token",
            "--dashboard-token-file=/etc/ccm/dashboard/token",
        ], chart.Args);
        Assert.Null(chart.Arg("--cluster-cidr"));
        Assert.DoesNotContain(chart.Args, a => a.StartsWith("--dry-run", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dry_run_values_add_the_flag_log_settings_and_extra_args_last()
    {
        var chart = await ChartRenderer.RenderAsync(ValueSets.DryRun);

        Assert.Equal("true", chart.Arg("--dry-run"));
        Assert.Equal("4", chart.Arg("--v"));
        Assert.Equal("json", chart.Arg("--log-format"));
        Assert.Equal("service", chart.Arg("--controllers"));
        Assert.Equal(["--sg-batch-size=20", "--cloud-provider=alicloud"], chart.Args.TakeLast(2));
    }

    [Fact]
    public async Task Cloud_routes_pass_the_cluster_cidr_and_period()
    {
        var chart = await ChartRenderer.RenderAsync(ValueSets.RamRole);

        Assert.Equal("true", chart.Arg("--configure-cloud-routes"));
        Assert.Equal("172.20.0.0/16", chart.Arg("--cluster-cidr"));
        Assert.Equal("10m", chart.Arg("--route-reconciliation-period"));
    }

    [Fact]
    public async Task Leader_election_timings_and_lease_prefix_come_from_values()
    {
        var chart = await ChartRenderer.RenderAsync(ValueSets.ThreeReplicas);

        Assert.Equal("30s", chart.Arg("--leader-elect-lease-duration"));
        Assert.Equal("20s", chart.Arg("--leader-elect-renew-deadline"));
        Assert.Equal("4s", chart.Arg("--leader-elect-retry-period"));
        Assert.Equal("ccm-prod", chart.Arg("--leader-elect-resource-name"));
        Assert.Equal("11211", chart.Arg("--silo-port"));
        Assert.Equal(90, (int)chart.PodSpec["terminationGracePeriodSeconds"]!);
    }

    [Fact]
    public async Task Membership_namespace_is_the_release_namespace_where_the_role_grants_its_objects()
    {
        var chart = await ChartRenderer.RenderWithAsync("--namespace", "ccm-system");

        Assert.Equal("ccm-system", chart.Arg("--leader-elect-resource-namespace"));
        Assert.Equal("ccm-system", (string?)chart.Single("Role")["metadata"]!["namespace"]);
    }

    [Fact]
    public async Task Single_silo_without_leader_election_passes_only_leader_elect_false()
    {
        var chart = await ChartRenderer.RenderWithAsync("--set", "replicaCount=1", "--set", "silo.leaderElection.enabled=false");

        Assert.Equal("false", chart.Arg("--leader-elect"));
        Assert.DoesNotContain(chart.Args, a => a.StartsWith("--leader-elect-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Separate_metrics_port_gets_its_own_container_port()
    {
        var chart = await ChartRenderer.RenderAsync(ValueSets.HostNetworkOff);
        var ports = chart.Silo["ports"]!.AsArray().ToDictionary(p => (string)p!["name"]!, p => (int)p!["containerPort"]!);

        Assert.Equal(":9090", chart.Arg("--metrics-bind-addr"));
        Assert.Equal(new Dictionary<string, int> { ["health"] = 10258, ["dashboard"] = 8080, ["silo"] = 11111, ["metrics"] = 9090 }, ports);
    }

    [Fact]
    public async Task Disabled_metrics_pass_bind_address_zero()
    {
        var chart = await ChartRenderer.RenderAsync(ValueSets.ExistingDashboardSecret);

        Assert.Equal("0", chart.Arg("--metrics-bind-addr"));
        Assert.DoesNotContain(chart.Silo["ports"]!.AsArray(), p => (string?)p!["name"] == "metrics");
    }
}
