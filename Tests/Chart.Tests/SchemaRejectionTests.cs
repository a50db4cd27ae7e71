namespace Ccm.Chart.Tests;

/// <summary>
/// Bad values are refused before anything is rendered, with a message that names the value at fault: by
/// values.schema.json, or (for comparisons the schema cannot express) by templates/_validate.tpl.
/// </summary>
public sealed class SchemaRejectionTests
{
    private const string SchemaError = "values don't meet the specifications of the schema(s)";

    [Theory]
    [InlineData("replicas-zero.yaml", "replicaCount: Must be greater than or equal to 1")]
    [InlineData("routes-without-cidr.yaml", "silo.clusterCIDR: String length must be greater than or equal to 1")]
    [InlineData("cidr-out-of-range.yaml", "silo.clusterCIDR: Does not match pattern")]
    [InlineData("route-period-too-short.yaml", "silo.routeReconciliationPeriod: Does not match pattern")]
    [InlineData("route-period-not-a-duration.yaml", "silo.routeReconciliationPeriod: Does not match pattern")]
    [InlineData("route-table-id.yaml", "cloudConfig.global.routeTableIDs.0: Does not match pattern '^vtb-")]
    [InlineData("region-id.yaml", "cloudConfig.global.region: Does not match pattern")]
    [InlineData("vpc-without-vswitch.yaml", "cloudConfig.global.vswitchID: String length must be greater than or equal to 1")]
    [InlineData("secret-without-name.yaml", "credentials.existingSecret.name: String length must be greater than or equal to 1")]
    [InlineData("keys-without-cloudconfig-source.yaml", "credentials.accessKeyId: String length must be less than or equal to 0")]
    [InlineData("cloudconfig-source-without-keys.yaml", "credentials.accessKeySecret: String length must be greater than or equal to 1")]
    [InlineData("credentials-source-unknown.yaml", "credentials.source must be one of the following: \"ramRole\", \"secret\", \"cloudConfig\"")]
    [InlineData("existing-configmap-without-name.yaml", "cloudConfig.existingConfigMap.name: String length must be greater than or equal to 1")]
    [InlineData("extra-global-access-key.yaml", "cloudConfig.extraGlobal: Property name of \"AccessKeyID\" does not match")]
    [InlineData("auth-none-without-allow.yaml", "dashboard.allowUnauthenticated does not match: true")]
    [InlineData("auth-none-load-balancer.yaml", "dashboard.service.type does not match: \"ClusterIP\"")]
    [InlineData("leader-election-off-two-replicas.yaml", "replicaCount: Must be less than or equal to 1")]
    [InlineData("extra-args-managed-flag.yaml", "silo.extraArgs.0: Must not validate the schema (not)")]
    [InlineData("unknown-key.yaml", "Additional property replicaCout is not allowed")]
    [InlineData("port-out-of-range.yaml", "dashboard.port: Must be less than or equal to 65535")]
    [InlineData("root-uid.yaml", "podSecurityContext.runAsUser: Must be greater than or equal to 1")]
    [InlineData("log-format.yaml", "silo.logFormat must be one of the following: \"text\", \"json\"")]
    [InlineData("lease-duration-number.yaml", "silo.leaderElection.leaseDuration: Invalid type. Expected: string, given: integer")]
    [InlineData("too-many-replicas.yaml", "replicaCount: Must be less than or equal to 8")]
    [InlineData("extra-args-silo-port.yaml", "silo.extraArgs.0: Must not validate the schema (not)")]
    public async Task Schema_refuses_bad_values_naming_the_field(string valuesFile, string message)
    {
        var result = await ChartRenderer.TemplateAsync(["invalid/" + valuesFile]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(SchemaError, result.StandardError, StringComparison.Ordinal);
        Assert.Contains(message, result.StandardError, StringComparison.Ordinal);
        Assert.Empty(result.StandardOutput.Trim());
    }

    [Theory]
    [InlineData("grace-shorter-than-lease.yaml", "terminationGracePeriodSeconds (10) must be longer than silo.leaderElection.leaseDuration (15s = 15 s) so a stopping silo can finish its turns and leave the cluster")]
    [InlineData("renew-deadline-over-lease.yaml", "silo.leaderElection.leaseDuration (15s) must be longer than silo.leaderElection.renewDeadline (20s)")]
    [InlineData("health-port-clash.yaml", "silo.healthPort and dashboard.port are both 8080")]
    [InlineData("silo-port-clash.yaml", "silo.port and silo.healthPort are both 10258")]
    [InlineData("budget-blocks-drains.yaml", "podDisruptionBudget.minAvailable (3) must be below replicaCount (3)")]
    public async Task Template_refuses_values_that_contradict_each_other(string valuesFile, string message)
    {
        var result = await ChartRenderer.TemplateAsync(["invalid/" + valuesFile]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_invalid_value_file_is_exercised()
    {
        var files = Directory.GetFiles(ChartRenderer.ValuesFile("invalid"), "*.yaml").Select(Path.GetFileName).Order();
        var source = await File.ReadAllTextAsync(Path.Combine(Ccm.TestSupport.RepoPaths.Root, "Tests", "Chart.Tests", "SchemaRejectionTests.cs"));

        Assert.All(files, f => Assert.Contains($"[InlineData(\"{f}\"", source, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1m", true)]
    [InlineData("90s", true)]
    [InlineData("1h30m", true)]
    [InlineData("59s", false)]
    [InlineData("0m", false)]
    [InlineData("5 m", false)]
    public async Task Route_reconciliation_period_is_at_least_one_minute(string period, bool accepted)
    {
        var result = await ChartRenderer.TemplateAsync([], "--set-string", $"silo.routeReconciliationPeriod={period}");

        Assert.True(accepted == (result.ExitCode == 0), result.ToString());
    }

    [Theory]
    [InlineData("10.0.0.0/8", true)]
    [InlineData("172.20.0.0/16", true)]
    [InlineData("192.168.1.0/24", true)]
    [InlineData("256.0.0.0/16", false)]
    [InlineData("10.0.0.0", false)]
    [InlineData("fd00::/48", false)]
    public async Task Cluster_cidr_is_an_ipv4_prefix(string cidr, bool accepted)
    {
        var result = await ChartRenderer.TemplateAsync([], "--set", "silo.configureCloudRoutes=true", "--set-string", $"silo.clusterCIDR={cidr}");

        Assert.True(accepted == (result.ExitCode == 0), result.ToString());
    }
}
