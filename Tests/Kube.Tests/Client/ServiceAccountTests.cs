using Ccm.Kube.Client;
using Ccm.Kube.Tests.Support;
using k8s;
using k8s.Exceptions;
using Microsoft.Extensions.Time.Testing;

namespace Ccm.Kube.Tests.Client;

/// <summary>
/// The in-cluster configuration, used for real: an HTTPS API server on 127.0.0.1 with a certificate from the Pod's CA
/// bundle, reached through KUBERNETES_SERVICE_HOST/PORT with the service-account token, which the kubelet rotates.
/// </summary>
public sealed class ServiceAccountTests : IAsyncLifetime, IDisposable
{
    private readonly TestCertificates certs = new();
    private readonly FakeKubeEnvironment env = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
    private LoopbackApiServer server = null!;

    private string TokenFile => Path.Combine(env.ServiceAccountFolder, "token");

    public async Task InitializeAsync()
    {
        server = await LoopbackApiServer.StartAsync(
            (context, _) => LoopbackApiServer.Json(context, 200, """{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"ccm-system"}}"""),
            certs.ServerWithKey());
        env.InCluster("127.0.0.1", server.Address.Port, token: "first-token");
        File.WriteAllText(Path.Combine(env.ServiceAccountFolder, "ca.crt"), certs.CaPem);
        File.WriteAllText(Path.Combine(env.ServiceAccountFolder, "namespace"), "ccm-system\n");
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    public void Dispose()
    {
        env.Dispose();
        certs.Dispose();
    }

    [Fact]
    public async Task A_pod_reaches_the_api_server_over_https_trusting_only_its_ca_with_its_token()
    {
        var config = ServiceAccount.Load(env, time);
        using var kube = KubeClientFactory.Create(config, new KubeClientOptions { Qps = 0 });

        var ns = await kube.CoreV1.ReadNamespaceAsync("ccm-system");

        Assert.Equal("ccm-system", ns.Metadata.Name);
        Assert.Equal($"https://127.0.0.1:{server.Address.Port}/", config.Host);
        Assert.Equal("ccm-system", config.Namespace);
        Assert.Equal("Bearer first-token", Assert.Single(server.Requests).Authorization);
    }

    [Fact]
    public async Task A_server_certificate_from_another_ca_is_refused()
    {
        using var other = new TestCertificates();
        File.WriteAllText(Path.Combine(env.ServiceAccountFolder, "ca.crt"), other.CaPem);
        using var kube = KubeClientFactory.Create(ServiceAccount.Load(env, time), new KubeClientOptions { Qps = 0 });

        await Assert.ThrowsAsync<HttpRequestException>(() => kube.CoreV1.ReadNamespaceAsync("ccm-system"));

        Assert.Empty(server.Requests); // the token never left the client
    }

    [Fact]
    public async Task A_rotated_token_file_is_sent_from_the_next_look_at_it_a_second_later()
    {
        using var kube = KubeClientFactory.Create(ServiceAccount.Load(env, time), new KubeClientOptions { Qps = 0 });
        await kube.CoreV1.ReadNamespaceAsync("ccm-system");

        Rewrite(TokenFile, "second-token");
        await kube.CoreV1.ReadNamespaceAsync("ccm-system");
        time.Advance(TimeSpan.FromSeconds(1));
        await kube.CoreV1.ReadNamespaceAsync("ccm-system");

        Assert.Equal(["Bearer first-token", "Bearer first-token", "Bearer second-token"], server.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task A_kubelet_rotation_that_swaps_the_data_symlink_is_picked_up()
    {
        // The projected volume's layout: token -> ..data/token, ..data -> ..<timestamp>/; rotation points ..data elsewhere.
        var folder = env.ServiceAccountFolder;
        File.Delete(TokenFile);
        WriteGeneration(folder, "..2026_12_01_00_00_00.1", "first-token");
        File.CreateSymbolicLink(Path.Combine(folder, "..data"), "..2026_12_01_00_00_00.1");
        File.CreateSymbolicLink(TokenFile, "..data/token");
        using var kube = KubeClientFactory.Create(ServiceAccount.Load(env, time), new KubeClientOptions { Qps = 0 });
        await kube.CoreV1.ReadNamespaceAsync("ccm-system");

        WriteGeneration(folder, "..2026_12_01_00_50_00.2", "second-token");
        File.Delete(Path.Combine(folder, "..data")); // unlinks the link, not the folder it points to
        File.CreateSymbolicLink(Path.Combine(folder, "..data"), "..2026_12_01_00_50_00.2");
        time.Advance(TimeSpan.FromSeconds(1));
        await kube.CoreV1.ReadNamespaceAsync("ccm-system");

        Assert.Equal(["Bearer first-token", "Bearer second-token"], server.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task The_token_is_read_again_every_minute_even_when_the_file_looks_unchanged()
    {
        using var kube = KubeClientFactory.Create(ServiceAccount.Load(env, time), new KubeClientOptions { Qps = 0 });
        await kube.CoreV1.ReadNamespaceAsync("ccm-system");
        var writtenAt = File.GetLastWriteTimeUtc(TokenFile);

        Rewrite(TokenFile, "second-token");
        File.SetLastWriteTimeUtc(TokenFile, writtenAt);
        time.Advance(TimeSpan.FromSeconds(30));
        await kube.CoreV1.ReadNamespaceAsync("ccm-system");
        time.Advance(TimeSpan.FromSeconds(30));
        await kube.CoreV1.ReadNamespaceAsync("ccm-system");

        Assert.Equal(["Bearer first-token", "Bearer first-token", "Bearer second-token"], server.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task A_token_file_that_is_empty_or_gone_for_a_moment_keeps_the_previous_token()
    {
        using var kube = KubeClientFactory.Create(ServiceAccount.Load(env, time), new KubeClientOptions { Qps = 0 });
        await kube.CoreV1.ReadNamespaceAsync("ccm-system");

        Rewrite(TokenFile, "   \n"); // caught between the kubelet's truncate and write
        time.Advance(TimeSpan.FromSeconds(61));
        await kube.CoreV1.ReadNamespaceAsync("ccm-system");
        File.Delete(TokenFile); // or between its unlink and rename
        time.Advance(TimeSpan.FromSeconds(61));
        await kube.CoreV1.ReadNamespaceAsync("ccm-system");
        File.WriteAllText(TokenFile, "third-token");
        time.Advance(TimeSpan.FromSeconds(1));
        await kube.CoreV1.ReadNamespaceAsync("ccm-system");

        Assert.Equal(["Bearer first-token", "Bearer first-token", "Bearer first-token", "Bearer third-token"], server.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public void A_missing_or_empty_token_is_an_error_naming_the_file()
    {
        File.WriteAllText(TokenFile, "");
        var empty = Assert.Throws<KubeConfigException>(() => ServiceAccount.Load(env, time));
        File.Delete(TokenFile);
        var missing = Assert.Throws<KubeConfigException>(() => ServiceAccount.Load(env, time));

        Assert.Contains(TokenFile, empty.Message);
        Assert.Contains(TokenFile, missing.Message);
    }

    [Fact]
    public void An_ipv6_service_address_is_bracketed_and_a_missing_namespace_file_means_default()
    {
        env.Variable("KUBERNETES_SERVICE_HOST", "fd00::1").Variable("KUBERNETES_SERVICE_PORT", "443");
        File.Delete(Path.Combine(env.ServiceAccountFolder, "namespace"));

        var config = ServiceAccount.Load(env, time);

        Assert.Equal("https://[fd00::1]/", config.Host);
        Assert.Equal("default", config.Namespace);
    }

    /// <summary>Replaces a file's content, with a write time that differs from the one before.</summary>
    private static void Rewrite(string path, string text)
    {
        var before = File.GetLastWriteTimeUtc(path);
        File.WriteAllText(path, text);
        File.SetLastWriteTimeUtc(path, before.AddSeconds(1));
    }

    private static void WriteGeneration(string folder, string name, string token)
    {
        Directory.CreateDirectory(Path.Combine(folder, name));
        File.WriteAllText(Path.Combine(folder, name, "token"), token);
    }
}
