using System.Text.Json.Nodes;
using Ccm.Sandbox.Tests.Kube.Support;
using Ccm.TestSupport;

namespace Ccm.Sandbox.Tests.Kube.Interop;

/// <summary>
/// The real kubectl (default strict validation, its own discovery, client-side apply) against the standalone
/// emulator, with the kubeconfig the emulator wrote.
/// </summary>
public sealed class KubectlTests(StandaloneKubeEmulatorFixture fixture) : IClassFixture<StandaloneKubeEmulatorFixture>
{
    public static TheoryData<string> Kubectls => [.. Kubectl.Available()];

    [Theory]
    [MemberData(nameof(Kubectls))]
    public async Task Apply_creates_then_leaves_unchanged_then_configures(string executable)
    {
        var kubectl = fixture.Kubectl(executable);
        var ns = await fixture.NewNamespaceAsync();
        var manifest = fixture.WriteManifest(AppManifest(ns, port: 80));

        var created = await kubectl.OkAsync("apply", "-f", manifest);
        var unchanged = await kubectl.OkAsync("apply", "-f", manifest);
        var configured = await kubectl.OkAsync("apply", "-f", fixture.WriteManifest(AppManifest(ns, port: 8081)));

        Assert.Contains("service/web created", created);
        Assert.Contains("deployment.apps/web created", created);
        Assert.Contains("service/web unchanged", unchanged);
        Assert.Contains("service/web configured", configured);
        var ports = (await kubectl.JsonAsync("-n", ns, "get", "svc", "web"))["spec"]!["ports"]!.AsArray();
        var port = Assert.Single(ports)!;
        Assert.Equal(8081, (int)port["port"]!);
        Assert.InRange((int)port["nodePort"]!, 30000, 32767);
    }

    [Theory]
    [MemberData(nameof(Kubectls))]
    public async Task Kubectl_talks_tls_with_the_kubeconfigs_ca_and_is_refused_with_another_token(string executable)
    {
        var kubectl = fixture.Kubectl(executable);

        var server = await kubectl.OkAsync("config", "view", "--minify", "-o", "jsonpath={.clusters[0].cluster.server}");
        var refused = await kubectl.RunAsync("--token", "not-the-emulators-token", "get", "namespaces");

        Assert.StartsWith("https://127.0.0.1:", server);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("You must be logged in to the server", refused.StandardError); // how kubectl reports a 401
    }

    [Theory]
    [MemberData(nameof(Kubectls))]
    public async Task Get_svc_as_json_shows_what_the_api_server_allocated(string executable)
    {
        var kubectl = fixture.Kubectl(executable);
        var ns = await fixture.NewNamespaceAsync();
        await kubectl.OkAsync("apply", "-f", fixture.WriteManifest(AppManifest(ns, port: 80)));

        var svc = await kubectl.JsonAsync("-n", ns, "get", "svc", "web");

        Assert.Equal("LoadBalancer", (string?)svc["spec"]!["type"]);
        Assert.StartsWith("10.", (string?)svc["spec"]!["clusterIP"]);
        Assert.Equal("Cluster", (string?)svc["spec"]!["externalTrafficPolicy"]);
        Assert.NotNull(svc["metadata"]!["annotations"]!["kubectl.kubernetes.io/last-applied-configuration"]);
    }

    [Theory]
    [MemberData(nameof(Kubectls))]
    public async Task Patch_with_each_patch_type_and_label(string executable)
    {
        var kubectl = fixture.Kubectl(executable);
        var ns = await fixture.NewNamespaceAsync();
        await kubectl.OkAsync("apply", "-f", fixture.WriteManifest(AppManifest(ns, port: 80)));

        await kubectl.OkAsync("-n", ns, "patch", "svc", "web", "-p", """{"spec":{"ports":[{"port":80,"targetPort":9090}]}}""");
        await kubectl.OkAsync("-n", ns, "patch", "svc", "web", "--type=merge", "-p", """{"metadata":{"annotations":{"team":"edge"}}}""");
        await kubectl.OkAsync("-n", ns, "patch", "svc", "web", "--type=json", "-p",
            """[{"op":"test","path":"/metadata/annotations/team","value":"edge"},{"op":"replace","path":"/spec/sessionAffinity","value":"ClientIP"}]""");
        var failedTest = await kubectl.RunAsync("-n", ns, "patch", "svc", "web", "--type=json", "-p", """[{"op":"test","path":"/metadata/annotations/team","value":"core"}]""");
        await kubectl.OkAsync("-n", ns, "label", "svc", "web", "tier=frontend");

        var svc = await kubectl.JsonAsync("-n", ns, "get", "svc", "web");
        Assert.Equal(9090, (int)svc["spec"]!["ports"]![0]!["targetPort"]!);
        Assert.Equal("edge", (string?)svc["metadata"]!["annotations"]!["team"]);
        Assert.Equal("ClientIP", (string?)svc["spec"]!["sessionAffinity"]);
        Assert.Equal("frontend", (string?)svc["metadata"]!["labels"]!["tier"]);
        Assert.NotEqual(0, failedTest.ExitCode);
        Assert.Contains("test failed", failedTest.StandardError);
    }

    [Theory]
    [MemberData(nameof(Kubectls))]
    public async Task Get_svc_prints_the_api_servers_columns_with_pending_then_the_load_balancer_address(string executable)
    {
        var kubectl = fixture.Kubectl(executable);
        var ns = await fixture.NewNamespaceAsync();
        await kubectl.OkAsync("apply", "-f", fixture.WriteManifest(AppManifest(ns, port: 80)));
        var nodePort = (int)(await kubectl.JsonAsync("-n", ns, "get", "svc", "web"))["spec"]!["ports"]![0]!["nodePort"]!;

        var pending = Rows(await kubectl.OkAsync("-n", ns, "get", "svc"));
        await kubectl.OkAsync("-n", ns, "patch", "svc", "web", "--subresource=status", "--type=merge", "-p",
            """{"status":{"loadBalancer":{"ingress":[{"ip":"192.168.0.77"}]}}}""");
        var one = Rows(await kubectl.OkAsync("-n", ns, "get", "svc", "web", "-o", "wide"));

        Assert.Equal(["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"], pending[0]);
        Assert.Equal(["web", "LoadBalancer", "<pending>", $"80:{nodePort}/TCP"], [pending[1][0], pending[1][1], pending[1][3], pending[1][4]]);
        Assert.StartsWith("10.", pending[1][2], StringComparison.Ordinal);
        Assert.Equal(["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE", "SELECTOR"], one[0]);
        Assert.Equal(["192.168.0.77", $"80:{nodePort}/TCP", "app=web"], [one[1][3], one[1][4], one[1][6]]);
    }

    private static string[][] Rows(string table) =>
        [.. table.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))];

    [Theory]
    [MemberData(nameof(Kubectls))]
    public async Task Get_watch_prints_the_existing_object_then_changes(string executable)
    {
        var kubectl = fixture.Kubectl(executable);
        var ns = await fixture.NewNamespaceAsync();
        await kubectl.OkAsync("apply", "-f", fixture.WriteManifest(AppManifest(ns, port: 80)));

        await using var watch = kubectl.Start("-n", ns, "get", "svc", "web", "-w", "--output-watch-events", "--request-timeout=20s",
            "-o", "custom-columns=EVENT:.type,NAME:.object.metadata.name,TIER:.object.metadata.labels.tier");
        await watch.WaitForLineAsync(l => l.StartsWith("ADDED", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        await kubectl.OkAsync("-n", ns, "label", "svc", "web", "tier=watched");

        var modified = await watch.WaitForLineAsync(l => l.StartsWith("MODIFIED", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Contains("watched", modified);
    }

    [Theory]
    [MemberData(nameof(Kubectls))]
    public async Task Get_watch_ends_by_itself_with_a_request_timeout(string executable)
    {
        var kubectl = fixture.Kubectl(executable);
        var ns = await fixture.NewNamespaceAsync();

        var result = await kubectl.RunAsync("-n", ns, "get", "configmaps", "-w", "--request-timeout=2s");

        Assert.Equal(0, result.ExitCode);
    }

    [Theory]
    [MemberData(nameof(Kubectls))]
    public async Task Delete_removes_the_objects(string executable)
    {
        var kubectl = fixture.Kubectl(executable);
        var ns = await fixture.NewNamespaceAsync();
        var manifest = fixture.WriteManifest(AppManifest(ns, port: 80));
        await kubectl.OkAsync("apply", "-f", manifest);

        var deleted = await kubectl.OkAsync("-n", ns, "delete", "svc", "web");
        var missing = await kubectl.RunAsync("-n", ns, "get", "svc", "web");
        var deletedFile = await kubectl.OkAsync("delete", "-f", manifest, "--ignore-not-found");

        Assert.Contains("service \"web\" deleted", deleted);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("NotFound", missing.StandardError);
        Assert.Contains("deployment.apps \"web\" deleted", deletedFile);
    }

    [Theory]
    [MemberData(nameof(Kubectls))]
    public async Task An_applied_deployment_yields_ready_pods_and_an_endpoint_slice_for_its_service(string executable)
    {
        var kubectl = fixture.Kubectl(executable);
        var ns = await fixture.NewNamespaceAsync();
        await kubectl.OkAsync("apply", "-f", fixture.WriteManifest(AppManifest(ns, port: 80)));

        var available = await kubectl.RunAsync("-n", ns, "wait", "--for=condition=Available", "deployment/web", "--timeout=60s");
        var pods = await Eventually.ValueAsync(async () => (await kubectl.JsonAsync("-n", ns, "get", "pods", "-l", "app=web"))["items"]!.AsArray(),
            items => items.Count == 3 && items.All(p => (string?)p!["status"]!["phase"] == "Running"), "three running pods");
        var slice = await Eventually.ValueAsync(
            async () => (await kubectl.JsonAsync("-n", ns, "get", "endpointslices", "-l", "kubernetes.io/service-name=web"))["items"]!.AsArray(),
            items => items.Count == 1 && items[0]!["endpoints"]?.AsArray().Count == 3, "an endpoint slice with three endpoints");

        Assert.True(available.ExitCode == 0, available.ToString());
        var podIps = pods.Select(p => (string?)p!["status"]!["podIP"]).Order().ToList();
        var endpointIps = slice[0]!["endpoints"]!.AsArray().Select(e => (string?)e!["addresses"]![0]).Order().ToList();
        Assert.Equal(podIps, endpointIps);
        Assert.All(slice[0]!["endpoints"]!.AsArray(), e => Assert.True((bool)e!["conditions"]!["ready"]!));
        Assert.Equal(8080, (int)slice[0]!["ports"]![0]!["port"]!);
        Assert.Equal("http", (string?)slice[0]!["ports"]![0]!["name"]);
    }

    [Theory]
    [MemberData(nameof(Kubectls))]
    public async Task Server_side_apply_and_server_dry_run_work(string executable)
    {
        var kubectl = fixture.Kubectl(executable);
        var ns = await fixture.NewNamespaceAsync();
        var manifest = fixture.WriteManifest(AppManifest(ns, port: 80));

        var dryRun = await kubectl.OkAsync("apply", "--server-side", "--dry-run=server", "-f", manifest);
        var absent = await kubectl.RunAsync("-n", ns, "get", "svc", "web");
        var applied = await kubectl.OkAsync("apply", "--server-side", "-f", manifest);

        Assert.Contains("serverside-applied (server dry run)", dryRun);
        Assert.Equal(1, absent.ExitCode);
        Assert.Contains("service/web serverside-applied", applied);
    }

    private static string AppManifest(string ns, int port) => $"""
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          namespace: {ns}
          labels:
            app: web
        spec:
          type: LoadBalancer
          selector:
            app: web
          ports:
          - name: http
            port: {port}
            targetPort: http
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: {ns}
        spec:
          replicas: 3
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: web
                image: nginx:1.27
                ports:
                - name: http
                  containerPort: 8080
        """;
}
