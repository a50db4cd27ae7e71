using Ccm.Kube.Config;
using Ccm.Kube.Tests.Support;

namespace Ccm.Kube.Tests.Config;

public class InClusterConfigTests
{
    private const string Folder = InClusterConfig.ServiceAccountFolder;

    [Fact]
    public async Task The_service_account_gives_server_token_ca_and_namespace()
    {
        using var certs = new TestCertificates();
        var env = InCluster("10.96.0.1").File($"{Folder}/ca.crt", certs.CaPem).File($"{Folder}/namespace", "ccm-system\n");

        var config = KubeClientConfigLoader.Load(new KubeClientConfigLoadOptions { Environment = env });

        Assert.Equal(new Uri("https://10.96.0.1:443"), config.Server);
        Assert.Equal("sa-token", await config.BearerToken!.GetTokenAsync(default));
        Assert.Equal("ccm-system", config.Namespace);
        Assert.Equal(certs.Ca.Thumbprint, Assert.Single(config.CertificateAuthorities!).Thumbprint);
        Assert.Equal(FileTokenSource.RefreshInterval, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void An_ipv6_service_address_is_bracketed()
    {
        var config = InClusterConfig.Load(new KubeClientConfigLoadOptions { Environment = InCluster("fd00::1") });

        Assert.Equal("[fd00::1]", config.Server.Host);
        Assert.Equal(443, config.Server.Port);
    }

    [Fact]
    public void A_missing_token_names_the_file()
    {
        var env = new FakeKubeEnvironment().Variable("KUBERNETES_SERVICE_HOST", "10.96.0.1").Variable("KUBERNETES_SERVICE_PORT", "443");

        var ex = Assert.Throws<KubeconfigException>(() => InClusterConfig.Load(new KubeClientConfigLoadOptions { Environment = env }));

        Assert.Contains($"{Folder}/token", ex.Message);
    }

    [Fact]
    public void KUBECONFIG_wins_over_the_service_account()
    {
        var env = InCluster("10.96.0.1").Variable("KUBECONFIG", "/k").File("/k", """
            clusters: [{name: c, cluster: {server: "http://127.0.0.1:9"}}]
            contexts: [{name: x, context: {cluster: c}}]
            current-context: x
            """);

        Assert.Equal("http://127.0.0.1:9/", KubeClientConfigLoader.Load(new KubeClientConfigLoadOptions { Environment = env }).Server.ToString());
    }

    [Fact]
    public void The_service_account_wins_over_the_home_kubeconfig()
    {
        var env = InCluster("10.96.0.1").File("/home/test/.kube/config", "clusters: []");

        Assert.Equal("in-cluster service account", KubeClientConfigLoader.Load(new KubeClientConfigLoadOptions { Environment = env }).Source);
    }

    [Fact]
    public void The_home_kubeconfig_is_the_last_resort()
    {
        var env = new FakeKubeEnvironment().File("/home/test/.kube/config", """
            clusters: [{name: c, cluster: {server: "http://127.0.0.1:7"}}]
            contexts: [{name: x, context: {cluster: c}}]
            current-context: x
            """);

        Assert.Equal(7, KubeClientConfigLoader.Load(new KubeClientConfigLoadOptions { Environment = env }).Server.Port);
    }

    [Fact]
    public void Nothing_configured_is_a_clear_error()
    {
        var ex = Assert.Throws<KubeconfigException>(() => KubeClientConfigLoader.Load(new KubeClientConfigLoadOptions { Environment = new FakeKubeEnvironment() }));

        Assert.Contains("no Kubernetes configuration", ex.Message);
    }

    private static FakeKubeEnvironment InCluster(string host) => new FakeKubeEnvironment()
        .Variable("KUBERNETES_SERVICE_HOST", host)
        .Variable("KUBERNETES_SERVICE_PORT", "443")
        .File($"{Folder}/token", "sa-token");
}
