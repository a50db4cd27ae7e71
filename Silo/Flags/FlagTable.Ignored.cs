namespace Ccm.Silo.Flags;

public static partial class FlagTable
{
    private const string NlbOnly = "used only by the upstream NLB controller, which is not provided here";
    private const string KlogStderr = "logs always go to standard error, every line at or above -v";
    private const string KlogFiles = "logs always go to standard error (the container runtime keeps them); there is no log file";
    private const string KlogHeaders = "each line always starts with time, level and category (or is a JSON object with --log-format=json)";

    /// <summary>
    /// Flags upstream declares (or that its documented manifests pass) with no meaning here. Each reason is what the
    /// operator reads in the start-up log.
    /// </summary>
    private static readonly FlagDefinition[] IgnoredFlags =
    [
        Flag.Ignored("shards", "int", "grains are placed by Orleans on the silo that owns their key; there are no shard Leases any more"),
        Flag.Ignored("allocate-node-cidrs", "bool", "pod CIDRs are allocated by kube-controller-manager or the network plugin; this CCM only routes them"),
        Flag.Ignored("use-service-account-credentials", "bool", "the silo always uses its own identity (kubeconfig or the pod's service account)"),
        Flag.Ignored("cloud-provider", "string", "this binary is the Alibaba Cloud provider; there is nothing to choose"),
        Flag.Ignored("address", "string", "the insecure port of old controller managers; health is served on --health-probe-bind-addr"),
        Flag.Ignored("port", "int", "the insecure port of old controller managers; health is served on --health-probe-bind-addr"),
        Flag.Ignored("allow-untagged-cloud", "bool", "deprecated upstream; ownership is marked with tags and description keys"),
        Flag.Ignored("cluster-name", "string", "declared but unused upstream; ownership uses the cloud-config's clusterID"),
        Flag.Ignored("node-monitor-period", "duration", "node state follows watch events and --node-resync-period"),
        Flag.Ignored("concurrent-service-syncs", "int", "each Service is its own grain; Services reconcile concurrently without a worker count"),
        Flag.Ignored("max-throttling-retry-times", "int", NlbOnly),
        Flag.Ignored("node-event-aggregation-wait-seconds", "int", "node events coalesce in the grains (one more turn after a busy one) instead of waiting"),
        Flag.Ignored("pprof-bind-addr", "string", "there is no profiling endpoint; use dotnet-trace or dotnet-counters on the process"),
        // klog's flags (underscore spellings as klog declares them; the dashed ones are accepted too, as pflag's
        // word-separator normalisation does). Logs always go to standard error, one line each, where the container
        // runtime keeps them: file and header settings have nothing to act on. Verbosity is -v; the format is
        // --log-format (klog's --logging-format is read as it).
        Flag.Ignored("logtostderr", "bool", KlogStderr),
        Flag.Ignored("alsologtostderr", "bool", KlogStderr),
        Flag.Ignored("stderrthreshold", "severity", KlogStderr),
        Flag.Ignored("log_dir", "dir", KlogFiles),
        Flag.Ignored("log_file", "file", KlogFiles),
        Flag.Ignored("log_file_max_size", "int", KlogFiles),
        Flag.Ignored("vmodule", "pattern=N,...", "per-file verbosity has no counterpart here; -v sets the verbosity of every logger"),
        Flag.Ignored("skip_headers", "bool", KlogHeaders),
        Flag.Ignored("skip_log_headers", "bool", KlogHeaders),
        Flag.Ignored("add_dir_header", "bool", KlogHeaders),
        Flag.Ignored("one_output", "bool", KlogFiles),
        Flag.Ignored("log_backtrace_at", "file:N", "there are no goroutine stacks to print; an error's log line carries its exception"),
        Flag.Ignored("log-flush-frequency", "duration", "log lines are written as they happen, not flushed periodically"),
    ];
}
