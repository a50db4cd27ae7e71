using System.Text;
using System.Text.Json.Nodes;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;
using Ccm.Sandbox.Tests.Kube.Support;

namespace Ccm.Sandbox.Tests.Kube;

public sealed class SeedTests(KubeEmulatorFixture fixture) : IClassFixture<KubeEmulatorFixture>
{
    [Fact]
    public void Demo_seed_registers_the_demo_world_nodes_as_external_cloud_provider_kubelets_do()
    {
        foreach (var expected in DemoWorld.Nodes)
        {
            var node = fixture.Emulator.Objects.Get("nodes", null, expected.Name)!;

            Assert.Equal(expected.PodCidr, (string?)node["spec"]!["podCIDR"]);
            Assert.Equal([expected.PodCidr], node["spec"]!["podCIDRs"]!.AsArray().Select(c => (string?)c));
            Assert.Null(node["spec"]!["providerID"]);
            var taint = Assert.Single(node["spec"]!["taints"]!.AsArray())!;
            Assert.Equal("node.cloudprovider.kubernetes.io/uninitialized", (string?)taint["key"]);
            Assert.Equal("true", (string?)taint["value"]);
            Assert.Equal("NoSchedule", (string?)taint["effect"]);
            Assert.Equal(expected.PrivateIp, Address(node, "InternalIP"));
            Assert.Equal(expected.Name, Address(node, "Hostname"));
            Assert.Equal("True", Condition(node, "Ready"));
            Assert.Null(Condition(node, "NetworkUnavailable"));
            var labels = node["metadata"]!["labels"]!;
            Assert.Equal(expected.Name, (string?)labels["kubernetes.io/hostname"]);
            Assert.Equal("linux", (string?)labels["kubernetes.io/os"]);
            Assert.Equal("amd64", (string?)labels["kubernetes.io/arch"]);
        }
    }

    [Fact]
    public void Demo_seed_has_a_virtual_kubelet_node_without_pod_cidr()
    {
        var node = fixture.Emulator.Objects.Get("nodes", null, DemoWorld.VirtualNode.Name)!;

        Assert.Equal("virtual-kubelet", (string?)node["metadata"]!["labels"]!["type"]);
        Assert.Null(node["spec"]!["podCIDR"]);
        Assert.Equal("virtual-kubelet.io/provider", (string?)node["spec"]!["taints"]![0]!["key"]);
        Assert.Equal(DemoWorld.VirtualNode.InternalIp, Address(node, "InternalIP"));
        Assert.Equal(4, fixture.Emulator.Objects.List("nodes").Count);
    }

    [Fact]
    public void Both_seeds_have_the_system_namespaces_and_the_kubernetes_service()
    {
        foreach (var ns in (string[])["default", "kube-system", "kube-public", "kube-node-lease"])
        {
            Assert.Equal("Active", (string?)fixture.Emulator.Objects.Get("namespaces", null, ns)!["status"]!["phase"]);
        }

        Assert.NotNull(fixture.Emulator.Objects.Get("services", "default", "kubernetes"));
    }

    [Fact]
    public async Task Empty_seed_has_no_nodes()
    {
        await using var emulator = await KubeEmulator.StartAsync(new KubeEmulatorOptions { Seed = SeedKind.Empty });

        Assert.Empty(emulator.Objects.List("nodes"));
        Assert.Equal(4, emulator.Objects.List("namespaces").Count);
        Assert.Equal("10.96.0.1", (string?)emulator.Objects.Get("svc", "default", "kubernetes")!["spec"]!["clusterIP"]);
    }

    [Fact]
    public async Task The_kubeconfig_points_at_the_https_address_with_the_ca_inline_and_the_token()
    {
        var path = Path.GetTempFileName();
        try
        {
            fixture.Emulator.WriteKubeconfig(path);
            var text = await File.ReadAllTextAsync(path);

            Assert.Contains($"server: https://127.0.0.1:{fixture.Emulator.BaseAddress.Port}\n", text);
            var data = Assert.Single(text.Split('\n'), l => l.Trim().StartsWith("certificate-authority-data: ", StringComparison.Ordinal));
            Assert.Equal(fixture.Emulator.CertificateAuthorityPem, Encoding.ASCII.GetString(Convert.FromBase64String(data.Trim()["certificate-authority-data: ".Length..])));
            Assert.Contains($"    token: \"{fixture.Emulator.BearerToken}\"\n", text);
            Assert.Contains("namespace: default", text);
            Assert.Contains("current-context: ccm-sandbox", text);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path)); // it holds the token
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task With_plain_http_the_kubeconfig_has_no_ca_and_no_credentials()
    {
        await using var emulator = await KubeEmulator.StartAsync(new KubeEmulatorOptions { Seed = SeedKind.Empty, PlainHttp = true });

        var text = emulator.Kubeconfig();

        Assert.Equal("http", emulator.BaseAddress.Scheme);
        Assert.Contains($"server: http://127.0.0.1:{emulator.BaseAddress.Port}\n", text);
        Assert.Contains("user: {}", text);
        Assert.DoesNotContain("certificate-authority", text);
        Assert.Null(emulator.BearerToken);
    }

    [Fact]
    public async Task Every_start_makes_its_own_ca_and_token_unless_the_token_is_given()
    {
        await using var other = await KubeEmulator.StartAsync(new KubeEmulatorOptions { Seed = SeedKind.Empty });
        await using var given = await KubeEmulator.StartAsync(new KubeEmulatorOptions { Seed = SeedKind.Empty, BearerToken = "given-token" });

        Assert.NotEqual(fixture.Emulator.BearerToken, other.BearerToken);
        Assert.NotEqual(fixture.Emulator.CertificateAuthority!.Thumbprint, other.CertificateAuthority!.Thumbprint);
        Assert.Equal(64, other.BearerToken!.Length);
        Assert.Equal("given-token", given.BearerToken);
    }

    [Theory]
    [InlineData("0.0.0.0:0")]
    [InlineData("10.1.2.3:8080")]
    [InlineData("example.com:80")]
    public async Task Non_loopback_listen_addresses_are_refused(string listen) =>
        await Assert.ThrowsAsync<ArgumentException>(() => KubeEmulator.StartAsync(new KubeEmulatorOptions { Listen = listen }));

    private static string? Address(JsonObject node, string type) =>
        (string?)node["status"]!["addresses"]!.AsArray().FirstOrDefault(a => (string?)a!["type"] == type)?["address"];

    private static string? Condition(JsonObject node, string type) =>
        (string?)node["status"]!["conditions"]!.AsArray().FirstOrDefault(c => (string?)c!["type"] == type)?["status"];
}
