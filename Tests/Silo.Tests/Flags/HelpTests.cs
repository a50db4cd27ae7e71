using Ccm.Silo.Flags;
using Ccm.Silo.Options;

namespace Ccm.Silo.Tests.Flags;

public sealed class HelpTests
{
    private static readonly string Help = HelpWriter.Render("Ccm.Silo");

    public static TheoryData<string> Flags => [.. FlagTable.All.Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(Flags))]
    public void Documents_every_flag_with_its_type_and_default(string name)
    {
        var flag = FlagTable.Find(name)!;
        Assert.Contains($"{LineOf(name)}{flag.ValueName}\n", Help.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var section = SectionOf(name);
        if (flag.Default is { Length: > 0 } value && flag.DefaultNote is null)
        {
            Assert.Contains($"default: {(flag.EnvironmentVariable is null ? "" : $"${flag.EnvironmentVariable}, else ")}{value})", Flatten(section), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Groups_flags_upstream_then_ignored_then_ours()
    {
        var upstream = Help.IndexOf("Upstream-compatible flags:", StringComparison.Ordinal);
        var ignored = Help.IndexOf("Accepted for compatibility and ignored", StringComparison.Ordinal);
        var ours = Help.IndexOf("Flags of this CCM:", StringComparison.Ordinal);
        Assert.True(upstream >= 0 && upstream < ignored && ignored < ours);
        foreach (var flag in FlagTable.All)
        {
            var at = Help.IndexOf(LineOf(flag.Name), StringComparison.Ordinal);
            var (start, end) = flag.Group switch
            {
                FlagGroup.Upstream => (upstream, ignored),
                FlagGroup.Ignored => (ignored, ours),
                _ => (ours, Help.Length),
            };
            Assert.True(at > start && at < end, $"--{flag.Name} is not in its group");
        }
    }

    [Fact]
    public void Documents_the_environment_the_silo_reads()
    {
        foreach (var variable in new[] { "POD_NAME", "POD_NAMESPACE", "POD_IP", "KUBECONFIG", "SLB_ENDPOINT", "VPC_ENDPOINT", "ECS_ENDPOINT", "ALICLOUD_CLIENT_SCHEME", "METADATA_ENDPOINT", "ACCESS_KEY_ID", "ACCESS_KEY_SECRET", "serviceaccount" })
        {
            Assert.Contains(variable, Help, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Fits_a_terminal()
    {
        Assert.All(Help.ReplaceLineEndings("\n").Split('\n'), line => Assert.True(line.Length <= 120, line));
    }

    [Fact]
    public void Every_ignored_flag_says_why()
    {
        Assert.All(FlagTable.All.Where(f => f.Group == FlagGroup.Ignored), f => Assert.False(string.IsNullOrWhiteSpace(f.IgnoredReason)));
        Assert.All(FlagTable.All.Where(f => f.Group != FlagGroup.Ignored), f => Assert.Null(f.IgnoredReason));
    }

    [Fact]
    public void Covers_the_team_catalogue()
    {
        string[] catalogue =
        [
            "cloud-config", "kubeconfig", "controllers", "configure-cloud-routes", "cluster-cidr", "route-reconciliation-period", "leader-elect",
            "leader-elect-resource-lock", "leader-elect-lease-duration", "leader-elect-renew-deadline", "leader-elect-retry-period",
            "leader-elect-resource-name", "leader-elect-resource-namespace", "dry-run", "kube-api-qps", "kube-api-burst", "health-probe-bind-addr",
            "metrics-bind-addr", "network", "v", "feature-gates", "sg-batch-size", "route-reconcile-batch-size", "node-reconcile-batch-size", "enable-imdsv2",
            "allocate-node-cidrs", "use-service-account-credentials", "cloud-provider", "address", "port", "allow-untagged-cloud", "cluster-name",
            "node-monitor-period", "concurrent-service-syncs", "max-concurrent-actions", "max-throttling-retry-times", "node-event-aggregation-wait-seconds",
            "skip-disable-source-dest-check", "pprof-bind-addr", "logtostderr", "alsologtostderr",
            "sandbox", "sandbox-dir", "dashboard-bind-addr", "dashboard-auth", "dashboard-token-file", "dashboard-basic-auth-file", "shards", "silo-name", "silo-port", "silo-tls-dir",
            "service-resync-period", "node-resync-period", "grain-idle-timeout", "memory-trim-period", "log-format",
        ];
        Assert.DoesNotContain(catalogue, name => FlagTable.Find(name) is null);
        Assert.Equal(26, FlagTable.All.Count(f => f.Group == FlagGroup.Ignored)); // upstream's and klog's flags that mean nothing here
    }

    [Theory]
    [InlineData("leader-elect", "Silos form one Orleans cluster whose membership and reminders live in ConfigMaps and Leases")]
    [InlineData("leader-elect", "With false this silo runs alone with both in memory")]
    [InlineData("leader-elect-lease-duration", "How soon a silo that stops answering is declared dead and its grains move")]
    [InlineData("leader-elect-lease-duration", "declare death after three missed probes")]
    [InlineData("leader-elect-renew-deadline", "silos do not renew Leases to keep work, they are probed")]
    [InlineData("leader-elect-retry-period", "each silo writes its liveness Lease every 30s")]
    [InlineData("leader-elect-resource-name", "Orleans' ServiceId and ClusterId")]
    [InlineData("leader-elect-resource-name", "the membership ConfigMap (<name>-membership)")]
    [InlineData("leader-elect-resource-namespace", "Namespace of the membership and reminder ConfigMaps and the silo Leases")]
    [InlineData("leader-elect-resource-lock", "is accepted and read as leases")]
    public void The_leader_election_flags_say_what_they_mean_on_Orleans(string name, string text)
    {
        Assert.Contains(text, Flatten(SectionOf(name)), StringComparison.Ordinal);
    }

    private static string LineOf(string name) => name == "v" ? "  -v, --v " : $"  --{name} ";

    /// <summary>A flag's lines: from its name line to the next flag or section.</summary>
    private static string SectionOf(string name)
    {
        var text = Help.ReplaceLineEndings("\n");
        var start = text.IndexOf(LineOf(name), StringComparison.Ordinal);
        var next = new[] { text.IndexOf("\n  -", start + 3, StringComparison.Ordinal), text.IndexOf("\n\n", start, StringComparison.Ordinal) }.Where(i => i > 0).DefaultIfEmpty(text.Length).Min();
        return text[start..next];
    }

    private static string Flatten(string text) => string.Join(" ", text.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void Parses_with_no_table_defaults_failing()
    {
        // A default that fails its own parser throws; parsing without arguments must only report what is missing.
        var result = CommandLine.Parse([], _ => null);
        Assert.Equal<string>(["--cloud-config is required: point it at the cloud-config file (e.g. --cloud-config=/etc/kubernetes/config/cloud-config.conf), or run with --sandbox to try the product without a cloud account",
            "--cluster-cidr is required because --configure-cloud-routes is true (the default): set it to the pod network (e.g. --cluster-cidr=172.20.0.0/16), or pass --configure-cloud-routes=false if the pod network needs no VPC routes"], [.. result.Errors]);
    }
}
