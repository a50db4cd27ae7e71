using Ccm.Kube.Client;
using Ccm.Kube.Tests.Support;
using k8s;
using k8s.Exceptions;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Ccm.Kube.Tests.Client;

/// <summary>
/// Where the connection comes from, in client-go's <c>BuildConfigFromFlags</c> order: <c>--kubeconfig</c>/<c>--master</c>,
/// then the Pod's service account, then <c>$KUBECONFIG</c>, then <c>~/.kube/config</c>; and errors that name the file.
/// </summary>
public sealed class KubeConnectionTests : IDisposable
{
    private readonly FakeKubeEnvironment env = new();

    public void Dispose() => env.Dispose();

    [Fact]
    public void The_kubeconfig_flag_wins_over_everything_else()
    {
        var flag = env.File("flag/config", Kubeconfigs.For("http://127.0.0.1:1001"));
        Everything();

        var config = KubeConnection.Load(flag, null, env);

        Assert.Equal("http://127.0.0.1:1001/", Normalized(config.Host));
        Assert.Equal("from-kubeconfig", config.Namespace);
    }

    [Fact]
    public void The_master_flag_overrides_the_server_of_the_kubeconfig_flag()
    {
        var flag = env.File("flag/config", Kubeconfigs.For("http://127.0.0.1:1001"));

        var config = KubeConnection.Load(flag, "http://127.0.0.1:1009", env);

        Assert.Equal("http://127.0.0.1:1009/", Normalized(config.Host));
        Assert.Equal("from-kubeconfig", config.AccessToken);
    }

    [Fact]
    public void The_master_flag_alone_wins_over_the_service_account()
    {
        Everything();

        var config = KubeConnection.Load(null, "http://127.0.0.1:1009", env);

        Assert.Equal("http://127.0.0.1:1009/", Normalized(config.Host));
        Assert.Null(config.TokenProvider);
    }

    [Fact]
    public void Without_flags_the_service_account_wins_over_KUBECONFIG_and_the_home_kubeconfig()
    {
        Everything();

        var config = KubeConnection.Load(null, null, env);

        Assert.Equal("https://127.0.0.1:1002/", Normalized(config.Host));
        Assert.IsType<ServiceAccountToken>(config.TokenProvider);
    }

    [Fact]
    public void Outside_a_pod_the_first_existing_KUBECONFIG_file_wins_over_the_home_kubeconfig()
    {
        var second = env.File("second/config", Kubeconfigs.For("http://127.0.0.1:1004"));
        env.File("home/.kube/config", Kubeconfigs.For("http://127.0.0.1:1005"));
        env.Variable("KUBECONFIG", string.Join(Path.PathSeparator, Path.Combine(env.Root, "missing/config"), second));

        var config = KubeConnection.Load(null, null, env);

        Assert.Equal("http://127.0.0.1:1004/", Normalized(config.Host));
    }

    [Fact]
    public void The_home_kubeconfig_is_the_last_resort()
    {
        env.File("home/.kube/config", Kubeconfigs.For("http://127.0.0.1:1005"));

        var config = KubeConnection.Load(null, null, env);

        Assert.Equal("http://127.0.0.1:1005/", Normalized(config.Host));
    }

    [Fact]
    public void A_service_account_folder_without_a_token_is_not_a_pod_and_the_search_goes_on()
    {
        env.Variable("KUBERNETES_SERVICE_HOST", "127.0.0.1").Variable("KUBERNETES_SERVICE_PORT", "1002");
        env.File("home/.kube/config", Kubeconfigs.For("http://127.0.0.1:1005"));

        var config = KubeConnection.Load(null, null, env);

        Assert.Equal("http://127.0.0.1:1005/", Normalized(config.Host));
    }

    [Fact]
    public async Task A_user_without_credentials_is_anonymous_as_for_kubectl()
    {
        await using var server = await LoopbackApiServer.StartAsync((context, _) =>
            LoopbackApiServer.Json(context, 200, """{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"default"}}"""));
        var path = env.File("anonymous/config", Kubeconfigs.For(server.Address.ToString(), "{}"));

        using var kube = KubeClientFactory.Create(KubeConnection.Load(path, null, env), new KubeClientOptions { Qps = 0 });
        await kube.CoreV1.ReadNamespaceAsync("default");

        Assert.Null(Assert.Single(server.Requests).Authorization);
    }

    [Fact]
    public void Nothing_configured_is_a_clear_error_that_lists_the_places_looked_at()
    {
        var ex = Assert.Throws<KubeConfigException>(() => KubeConnection.Load(null, null, env));

        Assert.Contains("no Kubernetes configuration", ex.Message);
        Assert.Contains("--kubeconfig", ex.Message);
        Assert.Contains("KUBECONFIG", ex.Message);
        Assert.Contains("~/.kube/config", ex.Message);
    }

    [Fact]
    public void A_kubeconfig_flag_naming_a_missing_file_is_an_error_naming_it()
    {
        var missing = Path.Combine(env.Root, "nowhere/config");
        Everything();

        var ex = Assert.Throws<KubeConfigException>(() => KubeConnection.Load(missing, null, env));

        Assert.Contains($"--kubeconfig {missing}", ex.Message);
    }

    [Fact]
    public void Relative_certificate_paths_are_read_from_the_kubeconfigs_folder_as_kubectl_does()
    {
        using var key = ECDsa.Create();
        using var certificate = new CertificateRequest("CN=relative-paths", key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var certificateFile = env.File("kube/certs/client.crt", certificate.ExportCertificatePem());
        var keyFile = env.File("kube/certs/client.key", key.ExportPkcs8PrivateKeyPem());
        var path = env.File("kube/config", Kubeconfigs.For("https://127.0.0.1:1001", "{client-certificate: certs/client.crt, client-key: certs/client.key}"));

        var config = KubeConnection.Load(path, null, env);

        Assert.Equal((certificateFile, keyFile), (config.ClientCertificateFilePath, config.ClientKeyFilePath));
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { "not yaml", "clusters: [\n" },
        { "empty", "" },
        { "no current context", Kubeconfigs.For("http://127.0.0.1:1001").Replace("current-context: x", "current-context: gone", StringComparison.Ordinal) },
        { "a context naming no cluster", Kubeconfigs.For("http://127.0.0.1:1001").Replace("cluster: c\n", "cluster: nope\n", StringComparison.Ordinal) },
        { "a client key that is not base64", Kubeconfigs.For("https://127.0.0.1:1001", "{client-certificate-data: AAAA, client-key-data: '!!notbase64!!'}") },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_kubeconfig_is_an_error_naming_the_file(string what, string yaml)
    {
        var path = env.File("bad/config", yaml);

        var ex = Assert.Throws<KubeConfigException>(() => KubeConnection.Load(path, null, env));

        Assert.True(ex.Message.Contains(path, StringComparison.Ordinal), $"{what}: {ex.Message}");
    }

    [Fact]
    public void An_error_about_a_kubeconfig_never_shows_its_credentials()
    {
        var path = env.File("bad/config", Kubeconfigs.For("http://127.0.0.1:1001", "{token: sup3rs3cret}").Replace("current-context: x", "current-context: gone", StringComparison.Ordinal));

        var ex = Assert.Throws<KubeConfigException>(() => KubeConnection.Load(path, null, env));

        Assert.DoesNotContain("sup3rs3cret", ex.ToString());
    }

    /// <summary>A Pod (service account at 127.0.0.1:1002), <c>$KUBECONFIG</c> (:1003) and a home kubeconfig (:1004).</summary>
    private void Everything()
    {
        env.InCluster("127.0.0.1", 1002);
        env.Variable("KUBECONFIG", env.File("env/config", Kubeconfigs.For("http://127.0.0.1:1003")));
        env.File("home/.kube/config", Kubeconfigs.For("http://127.0.0.1:1004"));
    }

    private static string Normalized(string host) => new Uri(host).ToString();
}
