using System.Text;
using Ccm.Kube.Config;
using Ccm.Kube.Tests.Support;

namespace Ccm.Kube.Tests.Config;

public class KubeconfigTests
{
    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static KubeClientConfig Load(FakeKubeEnvironment env, string path = "/cfg/config", string? context = null) =>
        KubeClientConfigLoader.Load(new KubeClientConfigLoadOptions { KubeconfigPath = path, Environment = env, Context = context });

    [Fact]
    public async Task A_token_user_gives_server_namespace_and_bearer_token()
    {
        var env = new FakeKubeEnvironment().File("/cfg/config", """
            apiVersion: v1
            kind: Config
            clusters:
            - name: c1
              cluster:
                server: https://10.0.0.1:6443
                insecure-skip-tls-verify: true
            users:
            - name: u1
              user:
                token: abc.def
            contexts:
            - name: ctx
              context: {cluster: c1, user: u1, namespace: kube-system}
            current-context: ctx
            """);

        var config = Load(env);

        Assert.Equal(new Uri("https://10.0.0.1:6443"), config.Server);
        Assert.Equal("kube-system", config.Namespace);
        Assert.True(config.InsecureSkipTlsVerify);
        Assert.Equal("abc.def", await config.BearerToken!.GetTokenAsync(default));
        Assert.DoesNotContain("abc.def", config.ToString());
    }

    [Fact]
    public async Task A_token_file_is_relative_to_the_kubeconfig_and_re_read_every_minute()
    {
        var time = new ManualClock();
        var env = new FakeKubeEnvironment().File("/cfg/config", Minimal("user: {tokenFile: secrets/token}")).File("/cfg/secrets/token", "first\n");
        var config = KubeClientConfigLoader.Load(new KubeClientConfigLoadOptions { KubeconfigPath = "/cfg/config", Environment = env, TimeProvider = time });

        Assert.Equal("first", await config.BearerToken!.GetTokenAsync(default));
        env.File("/cfg/secrets/token", "second");
        Assert.Equal("first", await config.BearerToken.GetTokenAsync(default));
        time.Now += TimeSpan.FromSeconds(61);
        Assert.Equal("second", await config.BearerToken.GetTokenAsync(default));
    }

    [Fact]
    public void Client_certificate_and_key_data_give_a_certificate_with_its_key()
    {
        using var certs = new TestCertificates();
        var env = new FakeKubeEnvironment().File("/cfg/config",
            Minimal($"user: {{client-certificate-data: {B64(certs.ClientPem)}, client-key-data: {B64(certs.ClientKeyPem)}}}"));

        var config = Load(env);

        Assert.True(config.ClientCertificate!.HasPrivateKey);
        Assert.Equal(certs.Client.Thumbprint, config.ClientCertificate.Thumbprint);
        Assert.DoesNotContain("PRIVATE KEY", config.ToString());
    }

    [Fact]
    public void Client_certificate_and_key_files_are_read_relative_to_the_kubeconfig()
    {
        using var certs = new TestCertificates();
        var env = new FakeKubeEnvironment()
            .File("/cfg/config", Minimal("user: {client-certificate: pki/client.crt, client-key: /abs/client.key}"))
            .File("/cfg/pki/client.crt", certs.ClientPem)
            .File("/abs/client.key", certs.ClientKeyPem);

        var config = Load(env);

        Assert.Equal(certs.Client.Thumbprint, config.ClientCertificate!.Thumbprint);
    }

    [Fact]
    public void Certificate_authority_data_becomes_the_only_trusted_root()
    {
        using var certs = new TestCertificates();
        var env = new FakeKubeEnvironment().File("/cfg/config", Minimal("user: {}", $"certificate-authority-data: {B64(certs.CaPem)}"));

        var config = Load(env);

        Assert.Equal(certs.Ca.Thumbprint, Assert.Single(config.CertificateAuthorities!).Thumbprint);
        Assert.False(config.InsecureSkipTlsVerify);
    }

    [Fact]
    public void Certificate_authority_file_is_read()
    {
        using var certs = new TestCertificates();
        var env = new FakeKubeEnvironment()
            .File("/cfg/config", Minimal("user: {}", "certificate-authority: ca.crt"))
            .File("/cfg/ca.crt", certs.CaPem);

        var config = Load(env);

        Assert.Equal(certs.Ca.Thumbprint, Assert.Single(config.CertificateAuthorities!).Thumbprint);
    }

    [Fact]
    public void Plain_http_servers_and_empty_users_are_fine()
    {
        var env = new FakeKubeEnvironment().File("/cfg/config", Minimal("user: {}", server: "http://127.0.0.1:8080"));

        var config = Load(env);

        Assert.Equal("http", config.Server.Scheme);
        Assert.Null(config.BearerToken);
        Assert.Null(config.ClientCertificate);
        Assert.Equal("default", config.Namespace);
    }

    [Fact]
    public void KUBECONFIG_files_merge_with_the_first_definition_winning()
    {
        var env = new FakeKubeEnvironment()
            .Variable("KUBECONFIG", "/a/config:/missing:/b/config")
            .File("/a/config", """
                clusters: [{name: shared, cluster: {server: "https://first:6443", insecure-skip-tls-verify: true}}]
                contexts: [{name: mine, context: {cluster: shared, user: from-b, namespace: a-ns}}]
                """)
            .File("/b/config", """
                clusters: [{name: shared, cluster: {server: "https://second:6443"}}]
                users: [{name: from-b, user: {token: t}}]
                contexts: [{name: other, context: {cluster: shared}}]
                current-context: mine
                """);

        var config = KubeClientConfigLoader.Load(new KubeClientConfigLoadOptions { Environment = env });

        Assert.Equal("first", config.Server.Host);
        Assert.Equal("a-ns", config.Namespace);
        Assert.NotNull(config.BearerToken);
        Assert.Contains("/a/config", config.Source);
    }

    [Fact]
    public void A_context_can_be_chosen_explicitly()
    {
        var env = new FakeKubeEnvironment().File("/cfg/config", Minimal("user: {}") + """

            - name: other
              context: {cluster: c1, namespace: picked}
            """);

        Assert.Equal("picked", Load(env, context: "other").Namespace);
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { Minimal("user: {client-key-data: '!!notbase64!!', client-certificate-data: 'AAAA'}"), "/cfg/config: users[0].user.client-key-data: is not valid base64" },
        { Minimal("user: {}").Replace("cluster: c1, user: u1", "cluster: nope, user: u1", StringComparison.Ordinal), "/cfg/config: contexts[0].context.cluster: cluster 'nope' is not defined" },
        { Minimal("user: {}").Replace("current-context: ctx", "current-context: gone", StringComparison.Ordinal), "context 'gone' is not defined" },
        { Minimal("user: {client-certificate-data: " + B64("x") + "}"), "/cfg/config: users[0].user: client-certificate is set without client-key" },
        { Minimal("user: {exec: {command: aws}}"), "/cfg/config: users[0].user.exec: not supported" },
        { Minimal("user: {}", server: "ftp://x"), "/cfg/config: clusters[0].cluster.server: 'ftp://x' is not an http(s) URL" },
        { Minimal("user: {}", "insecure-skip-tls-verify: maybe"), "/cfg/config: clusters[0].cluster.insecure-skip-tls-verify: must be true or false" },
        { Minimal("user: {}", "certificate-authority-data: " + B64("not a pem")), "/cfg/config: clusters[0].cluster.certificate-authority-data: contains no PEM certificate" },
        { Minimal("user: {}", "certificate-authority: missing.crt"), "/cfg/config: clusters[0].cluster.certificate-authority: cannot read /cfg/missing.crt" },
        { Minimal("user: {tokenFile: /nope}"), "/cfg/config: users[0].user.tokenFile: cannot read token file /nope" },
        { "clusters: not-a-list\n", "/cfg/config: clusters: must be a list" },
        { "clusters:\n- cluster: {server: x}\n", "/cfg/config: clusters[0].name: is required" },
        { "clusters: [\n", "/cfg/config: not valid YAML at line" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_kubeconfigs_name_the_file_and_the_field(string yaml, string expected)
    {
        var env = new FakeKubeEnvironment().File("/cfg/config", yaml);

        var ex = Assert.Throws<KubeconfigException>(() => Load(env));

        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Errors_never_contain_credential_values()
    {
        var env = new FakeKubeEnvironment().File("/cfg/config", Minimal("user: {token: sup3rs3cret, exec: {command: x}}"));

        var ex = Assert.Throws<KubeconfigException>(() => Load(env));

        Assert.DoesNotContain("sup3rs3cret", ex.ToString());
    }

    [Fact]
    public void A_missing_kubeconfig_flag_file_is_an_error()
    {
        var ex = Assert.Throws<KubeconfigException>(() => Load(new FakeKubeEnvironment(), "/nowhere"));

        Assert.Contains("--kubeconfig /nowhere", ex.Message);
    }

    /// <summary>One cluster c1, one user u1 (body given), one current context ctx.</summary>
    private static string Minimal(string userBody, string clusterExtra = "", string server = "https://10.0.0.1:6443") => $"""
        clusters:
        - name: c1
          cluster:
            server: {server}
            {clusterExtra}
        users:
        - name: u1
          {userBody}
        current-context: ctx
        contexts:
        - name: ctx
          context: {"{"}cluster: c1, user: u1{"}"}
        """;

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UnixEpoch;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
