using Ccm.Silo.Tests.Support;

namespace Ccm.Silo.Tests;

/// <summary>
/// One bad input: arguments (<c>{cc}</c> stands for the path of a cloud-config written with <see cref="CloudConfig"/>,
/// or a valid one), optional environment, and the message it must produce on standard error.
/// </summary>
public sealed record BadInput(string Name, string[] Args, string Expected, string? CloudConfig = null, (string, string)[]? Environment = null)
{
    public override string ToString() => Name;
}

/// <summary>
/// The catalogue of start-up mistakes users make: each must stop the silo with exit code 2 and its own message that
/// names the flag or the cloud-config field, the bad value (unless secret) and what is allowed.
/// </summary>
public static class BadInputCatalogue
{
    private const string CloudConfigArgs = "--cloud-config={cc}";

    public static readonly BadInput[] All =
    [
        // Flags
        new("unknown flag", [CloudConfigArgs, "--leader-elct"], "unknown flag --leader-elct; did you mean --leader-elect?"),
        new("duration without unit", [CloudConfigArgs, "--route-reconciliation-period=5"], "--route-reconciliation-period: \"5\" is not a duration (examples: 3m, 90s, 1h30m, 500ms)"),
        new("zero duration", [CloudConfigArgs, "--configure-cloud-routes=false", "--grain-idle-timeout=0"], "--grain-idle-timeout: 0s must be greater than 0"),
        new("negative duration", [CloudConfigArgs, "--configure-cloud-routes=false", "--memory-trim-period=-15s"], "--memory-trim-period: -15s must not be negative (0 turns it off)"),
        new("boolean spelled yes", [CloudConfigArgs, "--leader-elect=yes"], "--leader-elect: \"yes\" is not a boolean (allowed: true, false)"),
        new("boolean value as separate argument", [CloudConfigArgs, "--configure-cloud-routes", "false"], "unexpected argument \"false\": a boolean flag takes its value after '=' (write --configure-cloud-routes=false)"),
        new("missing value", [CloudConfigArgs, "--cluster-cidr"], "--cluster-cidr: missing value (expected a cidr, e.g. 172.20.0.0/16)"),
        new("single dash", ["-cloud-config={cc}"], ": flags start with two dashes (write --cloud-config="),
        new("routes without cluster CIDR", [CloudConfigArgs], "--cluster-cidr is required because --configure-cloud-routes is true (the default)"),
        new("CIDR prefix too long", [CloudConfigArgs, "--cluster-cidr=172.20.0.0/33"], "--cluster-cidr: \"172.20.0.0/33\" has an invalid prefix length (0 to 32, e.g. 172.20.0.0/16)"),
        new("IPv6 cluster CIDR", [CloudConfigArgs, "--cluster-cidr=fd00:10::/56"], "--cluster-cidr: \"fd00:10::/56\" is not IPv4"),
        new("no cloud-config", ["--configure-cloud-routes=false"], "--cloud-config is required: point it at the cloud-config file"),
        new("cloud-config not found", ["--cloud-config=/nonexistent/cloud-config.conf", "--configure-cloud-routes=false"], "--cloud-config: file \"/nonexistent/cloud-config.conf\" does not exist"),
        new("kubeconfig not found", [CloudConfigArgs, "--configure-cloud-routes=false", "--kubeconfig=/nonexistent/kubeconfig"], "--kubeconfig: file \"/nonexistent/kubeconfig\" does not exist"),
        new("KUBECONFIG naming no file", [CloudConfigArgs, "--configure-cloud-routes=false"], "$KUBECONFIG: no file of \"/nonexistent/a:/nonexistent/b\" exists", Environment: [("KUBECONFIG", "/nonexistent/a:/nonexistent/b")]),
        new("cloud API rate limit naming no product", [CloudConfigArgs, "--configure-cloud-routes=false", "--cloud-api-rate-limits=SBL=5"], "--cloud-api-rate-limits: "),
        new("ignored flag with a malformed value", [CloudConfigArgs, "--configure-cloud-routes=false", "--allocate-node-cidrs=maybe"], "--allocate-node-cidrs: \"maybe\" is not a boolean (allowed: true, false)"),
        new("namespace that Kubernetes rejects", [CloudConfigArgs, "--configure-cloud-routes=false"], "$POD_NAMESPACE (the default of --leader-elect-resource-namespace): \"Kube_System\" is not a namespace name", Environment: [("POD_NAMESPACE", "Kube_System")]),
        new("unknown lock kind", [CloudConfigArgs, "--configure-cloud-routes=false", "--leader-elect-resource-lock=etcd"], "--leader-elect-resource-lock: \"etcd\" is not a lock kind (allowed: leases, endpointsleases, configmapsleases, endpoints, configmaps; all are read as leases)"),
        new("renew deadline not below lease duration", [CloudConfigArgs, "--configure-cloud-routes=false", "--leader-elect-lease-duration=10s"], "--leader-elect-renew-deadline (10s) must be shorter than --leader-elect-lease-duration (10s)"),
        new("renew deadline within retry jitter", [CloudConfigArgs, "--configure-cloud-routes=false", "--leader-elect-retry-period=9s"], "--leader-elect-renew-deadline (10s) must be longer than 1.2 x --leader-elect-retry-period (9s) = 10s800ms"),
        new("bind address without colon", [CloudConfigArgs, "--configure-cloud-routes=false", "--metrics-bind-addr=8080"], "--metrics-bind-addr: \"8080\" has no ':' before the port (did you mean :8080?"),
        new("bind address port out of range", [CloudConfigArgs, "--configure-cloud-routes=false", "--health-probe-bind-addr=127.0.0.1:70000"], "--health-probe-bind-addr: \"127.0.0.1:70000\" has an invalid port \"70000\" (a number from 0 to 65535"),
        new("listeners overlap on one port", [CloudConfigArgs, "--configure-cloud-routes=false", "--metrics-bind-addr=0.0.0.0:9090", "--dashboard-bind-addr=127.0.0.1:9090"], "--metrics-bind-addr (0.0.0.0:9090) and --dashboard-bind-addr (127.0.0.1:9090) would both bind port 9090"),
        new("batch size above the API limit", [CloudConfigArgs, "--configure-cloud-routes=false", "--sg-batch-size=41"], "--sg-batch-size: 41 is out of range (allowed: 1 to 40)"),
        new("unknown controller", [CloudConfigArgs, "--configure-cloud-routes=false", "--controllers=service,lb"], "--controllers: \"lb\" is not a controller (allowed: service, node, route, nlb, ingress, pvtz)"),
        new("feature gate without value", [CloudConfigArgs, "--configure-cloud-routes=false", "--feature-gates=EndpointSlice"], "--feature-gates: \"EndpointSlice\" is not a gate setting (write Name=true or Name=false"),
        new("log format", [CloudConfigArgs, "--configure-cloud-routes=false", "--log-format=yaml"], "--log-format: \"yaml\" is not allowed (allowed: text, json)"),
        new("basic auth without its file", [CloudConfigArgs, "--configure-cloud-routes=false", "--dashboard-auth=basic"], "--dashboard-auth=basic needs --dashboard-basic-auth-file=FILE"),
        new("access key id without secret in the environment", [CloudConfigArgs, "--configure-cloud-routes=false"], "$ACCESS_KEY_ID is set but $ACCESS_KEY_SECRET is not: set both or neither", Environment: [("ACCESS_KEY_ID", "LTAI5tOnlyTheId")]),
        new("client scheme", [CloudConfigArgs, "--configure-cloud-routes=false"], "$ALICLOUD_CLIENT_SCHEME: \"ftp\" is not allowed (allowed: http, https)", Environment: [("ALICLOUD_CLIENT_SCHEME", "ftp")]),

        // cloud-config
        new("cloud-config missing comma", [CloudConfigArgs, "--configure-cloud-routes=false"], "cc.conf:4:5: Global.region: syntax error: did not find expected ',' or '}'. A comma is missing between two fields",
            CloudConfig: "{\n  \"Global\": {\n    \"region\": \"cn-hangzhou\"\n    \"vpcid\": \"vpc-bp1demo\"\n  }\n}"),
        new("cloud-config unclosed quote", [CloudConfigArgs, "--configure-cloud-routes=false"], "cc.conf:1:47: Global.vpcid: syntax error: found unexpected end of stream. A quoted value is not closed",
            CloudConfig: "{\"Global\": {\"region\": \"cn-hangzhou\", \"vpcid\": \"vpc-bp1demo}}"),
        new("cloud-config secret not base64", [CloudConfigArgs, "--configure-cloud-routes=false"], "cc.conf:3:22: Global.accessKeySecret: the value is not valid base64. The cloud-config holds the AccessKey secret base64-encoded",
            CloudConfig: "{\"Global\": {\"region\": \"cn-hangzhou\", \"vpcid\": \"vpc-bp1demo\",\n  \"accessKeyID\": \"TFRBSTV0VGVzdEtleUlkMDAx\",\n  \"accessKeySecret\": \"super-secret-value!\"}}"),
        new("cloud-config plain access key id", [CloudConfigArgs, "--configure-cloud-routes=false"], "Global.accessKeyID: the value decodes to bytes that are not text, so it is probably the AccessKey ID itself rather than its base64 encoding (it starts with LTAI, like a plain AccessKey ID)",
            CloudConfig: "{\"Global\": {\"region\": \"cn-hangzhou\", \"vpcid\": \"vpc-bp1demo\", \"accessKeyID\": \"LTAI5tTestKeyId001\", \"accessKeySecret\": \"c3VwZXItc2VjcmV0LXZhbHVl\"}}"),
        new("cloud-config id without secret", [CloudConfigArgs, "--configure-cloud-routes=false"], "Global.accessKeyID: set without Global.accessKeySecret. Set both, or remove both",
            CloudConfig: "{\"Global\": {\"region\": \"cn-hangzhou\", \"vpcid\": \"vpc-bp1demo\", \"accessKeyID\": \"TFRBSTV0VGVzdEtleUlkMDAx\"}}"),
        new("cloud-config route tables separated by spaces", [CloudConfigArgs, "--configure-cloud-routes=false"], "Global.routeTableIDs: item 1 \"vtb-bp1one vtb-bp1two\" is not a route table id. Each id is vtb- followed by letters and digits, e.g. \"vtb-bp1abc,vtb-bp1def\"; separate ids with commas",
            CloudConfig: "{\"Global\": {\"region\": \"cn-hangzhou\", \"vpcid\": \"vpc-bp1demo\", \"routeTableIDs\": \"vtb-bp1one vtb-bp1two\"}}"),
        new("cloud-config route table of another kind", [CloudConfigArgs, "--configure-cloud-routes=false"], "Global.routeTableIDs: item 2 \"rtb-123\" is not a route table id",
            CloudConfig: "{\"Global\": {\"region\": \"cn-hangzhou\", \"vpcid\": \"vpc-bp1demo\", \"routeTableIDs\": \"vtb-bp1one, rtb-123\"}}"),
        new("cloud-config vswitch pair", [CloudConfigArgs, "--configure-cloud-routes=false"], "Global.vswitchid: item 2 \"cn-hangzhou-k:vsw-a:b\" is not a zone:vSwitch pair",
            CloudConfig: "{\"Global\": {\"region\": \"cn-hangzhou\", \"vpcid\": \"vpc-bp1demo\", \"vswitchid\": \"cn-hangzhou-j:vsw-bp1a,cn-hangzhou-k:vsw-a:b\"}}"),
        new("cloud-config fields outside Global", [CloudConfigArgs, "--configure-cloud-routes=false"], "region, vpcid are at the top level, where upstream ignores them. Put the fields inside a Global section",
            CloudConfig: "{\"region\": \"cn-hangzhou\", \"vpcid\": \"vpc-bp1demo\"}"),
        new("cloud-config Global is a list", [CloudConfigArgs, "--configure-cloud-routes=false"], "cc.conf:1:12: Global: expected a mapping of fields, found a list",
            CloudConfig: "{\"Global\": [\"region\", \"cn-hangzhou\"]}"),
        new("cloud-config boolean", [CloudConfigArgs, "--configure-cloud-routes=false"], "Global.disablePublicSLB: \"maybe\" is not a boolean. Write true or false",
            CloudConfig: "{\"Global\": {\"region\": \"cn-hangzhou\", \"vpcid\": \"vpc-bp1demo\", \"disablePublicSLB\": \"maybe\"}}"),
        new("cloud-config backend type", [CloudConfigArgs, "--configure-cloud-routes=false"], "Global.serviceBackendType: \"alb\" is not a backend type. Write ecs (nodes as backends) or eni (pods as backends)",
            CloudConfig: "{\"Global\": {\"region\": \"cn-hangzhou\", \"vpcid\": \"vpc-bp1demo\", \"serviceBackendType\": \"alb\"}}"),
        new("cloud-config VPC id", [CloudConfigArgs, "--configure-cloud-routes=false"], "Global.vpcid: \"bp1demo\" is not a VPC id. Write it like \"vpc-bp1abc\"",
            CloudConfig: "{\"Global\": {\"region\": \"cn-hangzhou\", \"vpcid\": \"bp1demo\"}}"),
        new("cloud-config without region and no metadata", [CloudConfigArgs, "--configure-cloud-routes=false"], "region and vpcid are not set and the ECS instance metadata service could not provide them",
            CloudConfig: "{\"Global\": {\"routeTableIDs\": \"\"}}"),
    ];

    public static TheoryData<string> Names => [.. All.Select(c => c.Name)];

    public static BadInput Named(string name) => All.Single(c => c.Name == name);

    /// <summary>Writes the case's cloud-config and resolves <c>{cc}</c> in its arguments.</summary>
    public static string[] Arguments(BadInput input, TestFiles files)
    {
        var path = files.Write("cc.conf", input.CloudConfig ?? TestFiles.ValidCloudConfig);
        return [.. input.Args.Select(a => a.Replace("{cc}", path, StringComparison.Ordinal))];
    }
}
