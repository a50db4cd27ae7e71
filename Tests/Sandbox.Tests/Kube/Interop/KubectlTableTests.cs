using Ccm.Sandbox.Tests.Kube.Support;
using Ccm.TestSupport;

namespace Ccm.Sandbox.Tests.Kube.Interop;

/// <summary>
/// <c>kubectl get</c> prints the columns the API server sends as a <c>meta.k8s.io/v1</c> Table; without one it only
/// knows NAME and AGE, and a user waiting for a load balancer could not see its EXTERNAL-IP (<c>kubectl get svc</c>
/// itself is tested with every installed kubectl in <see cref="KubectlTests"/>).
/// </summary>
public sealed class KubectlTableTests(StandaloneKubeEmulatorFixture fixture) : IClassFixture<StandaloneKubeEmulatorFixture>
{
    [Fact]
    public async Task Get_watch_prints_each_change_in_the_same_columns()
    {
        var kubectl = fixture.Kubectl(RepoPaths.Tool("kubectl"));
        var ns = await fixture.NewNamespaceAsync();
        await kubectl.OkAsync("apply", "-f", fixture.WriteManifest(Manifest(ns)));
        await using var watch = kubectl.Start("-n", ns, "get", "svc", "-w", "--request-timeout=60s");
        await watch.WaitForLineAsync(l => l.StartsWith("web ", StringComparison.Ordinal), TimeSpan.FromSeconds(30));

        await kubectl.OkAsync("-n", ns, "patch", "svc", "web", "--subresource=status", "--type=merge",
            "-p", """{"status":{"loadBalancer":{"ingress":[{"ip":"192.0.2.20"}]}}}""");

        var changed = await watch.WaitForLineAsync(l => l.Contains("192.0.2.20", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Equal(("web", "LoadBalancer", "192.0.2.20"), (Lines(changed)[0][0], Lines(changed)[0][1], Lines(changed)[0][3]));
    }

    [Fact]
    public async Task Get_nodes_shows_status_roles_version_and_with_wide_the_addresses()
    {
        var kubectl = fixture.Kubectl(RepoPaths.Tool("kubectl"));

        var nodes = Lines(await kubectl.OkAsync("get", "nodes", "-o", "wide"));

        Assert.Equal(["NAME", "STATUS", "ROLES", "AGE", "VERSION", "INTERNAL-IP", "EXTERNAL-IP"], nodes[0][..7]);
        var demo = nodes.Single(row => row[0] == "demo-node-1");
        Assert.Equal("Ready", demo[1]);
        Assert.Matches(@"^v1\.\d+", demo[4]);
        Assert.Matches(@"^\d+\.\d+\.\d+\.\d+$", demo[5]);
    }

    [Fact]
    public async Task Get_deployments_and_pods_show_readiness()
    {
        var kubectl = fixture.Kubectl(RepoPaths.Tool("kubectl"));
        var ns = await fixture.NewNamespaceAsync();
        await kubectl.OkAsync("apply", "-f", fixture.WriteManifest(Manifest(ns)));

        var deployments = await Eventually.ValueAsync(async () => Lines(await kubectl.OkAsync("-n", ns, "get", "deploy")),
            rows => rows.Count == 2 && rows[1][1] == "2/2", "deployment web 2/2 ready");
        var pods = Lines(await kubectl.OkAsync("-n", ns, "get", "pods", "-o", "wide"));

        Assert.Equal(["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"], deployments[0]);
        Assert.Equal(["NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE"], pods[0][..7]);
        Assert.All(pods.Skip(1), pod => Assert.Equal(("1/1", "Running", "0"), (pod[1], pod[2], pod[3])));
        Assert.Equal(2, pods.Count - 1);
    }

    [Fact]
    public async Task Kinds_without_a_printer_still_list_by_name()
    {
        var kubectl = fixture.Kubectl(RepoPaths.Tool("kubectl"));

        var namespaces = Lines(await kubectl.OkAsync("get", "namespaces"));

        Assert.Equal("NAME", namespaces[0][0]);
        Assert.Contains(namespaces, row => row[0] == "kube-system");
    }

    /// <summary>kubectl's columns are separated by two or more spaces; "NOMINATED NODE" keeps its single space.</summary>
    private static List<string[]> Lines(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => System.Text.RegularExpressions.Regex.Split(line.Trim(), @"\s{2,}"))];

    /// <summary>A LoadBalancer Service and its 2-replica Deployment from the shared builders, as two YAML documents (JSON is YAML).</summary>
    private static string Manifest(string ns) =>
        Manifests.Service("web", ns, "LoadBalancer", 80).ToJsonString() + "\n---\n" + Manifests.Deployment("web", ns, 2, "web").ToJsonString();
}
