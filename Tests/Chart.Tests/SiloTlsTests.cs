using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Ccm.Silo.Composition;
using Orleans.Connections.Security;

namespace Ccm.Chart.Tests;

/// <summary>
/// Silo-to-silo traffic is mutual TLS outside the sandbox: the chart makes a CA and a silo certificate in a Secret
/// (unless the user names their own), mounts it and passes it as <c>--silo-tls-dir</c>; the silo's own loader
/// (<see cref="SiloTls"/>) accepts what the chart generates and refuses peers another CA signed.
/// </summary>
public sealed class SiloTlsTests
{
    private const string SecretName = "ccm-silo-tls";

    [Fact]
    public async Task The_chart_generates_a_CA_and_a_silo_certificate_it_signed_for_client_and_server_use()
    {
        var secret = (await ChartRenderer.RenderAsync()).Single("Secret", SecretName);
        var (certificate, authority) = (Pem(secret, "tls.crt"), Pem(secret, "ca.crt"));

        Assert.Equal("kubernetes.io/tls", (string?)secret["type"]);
        Assert.True(authority.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        Assert.Equal(authority.SubjectName.Name, certificate.IssuerName.Name);
        var usages = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value);
        Assert.Contains("1.3.6.1.5.5.7.3.1", usages); // server authentication: the silo that accepts
        Assert.Contains("1.3.6.1.5.5.7.3.2", usages); // client authentication: the silo that connects
        Assert.True(certificate.NotAfter > DateTime.UtcNow.AddYears(9), $"valid until {certificate.NotAfter:u}");
    }

    [Fact]
    public async Task Two_silos_holding_the_generated_Secret_complete_a_mutual_TLS_handshake_and_refuse_a_peer_of_another_CA()
    {
        using var folder = new TempFolder();
        WriteSecret((await ChartRenderer.RenderAsync()).Single("Secret", SecretName), folder.Path);
        var tls = SiloTls.Load(folder.Path)!;
        var options = new TlsOptions();
        tls.Configure(options);

        await HandshakeAsync(tls.Certificate, tls.Certificate, options.RemoteCertificateValidation!);

        using var stranger = SelfSigned("CN=not-a-silo");
        Assert.False(options.RemoteCertificateValidation!(stranger, null!, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.Equal(RemoteCertificateMode.RequireCertificate, options.RemoteCertificateMode);
        Assert.Equal(RemoteCertificateMode.RequireCertificate, options.ClientCertificateMode);
    }

    [Fact]
    public async Task The_StatefulSet_mounts_the_Secret_and_passes_it_as_silo_tls_dir()
    {
        var chart = await ChartRenderer.RenderAsync();

        Assert.Equal("/etc/ccm/silo-tls", chart.Arg("--silo-tls-dir"));
        Assert.Equal(SecretName, (string?)chart.Volume("silo-tls")["secret"]!["secretName"]);
        Assert.Equal(["ca.crt", "tls.crt", "tls.key"], chart.Volume("silo-tls")["secret"]!["items"]!.AsArray().Select(i => (string)i!["path"]!).Order());
        var mount = chart.Silo["volumeMounts"]!.AsArray().Single(m => (string?)m!["name"] == "silo-tls")!;
        Assert.Equal("/etc/ccm/silo-tls", (string?)mount["mountPath"]);
        Assert.True((bool)mount["readOnly"]!);
    }

    [Fact]
    public async Task A_Secret_the_user_names_is_mounted_and_none_is_generated()
    {
        var chart = await ChartRenderer.RenderWithAsync("--set", "silo.tls.existingSecret=ccm-silo-cert-manager");

        Assert.False(chart.Has("Secret", SecretName));
        Assert.Equal("ccm-silo-cert-manager", (string?)chart.Volume("silo-tls")["secret"]!["secretName"]);
        Assert.Equal("/etc/ccm/silo-tls", chart.Arg("--silo-tls-dir"));
    }

    [Fact]
    public async Task Without_TLS_there_is_no_Secret_no_mount_and_no_flag()
    {
        var chart = await ChartRenderer.RenderWithAsync("--set", "silo.tls.enabled=false");

        Assert.False(chart.Has("Secret", SecretName));
        Assert.False(chart.HasVolume("silo-tls"));
        Assert.Null(chart.Arg("--silo-tls-dir"));
    }

    [Fact]
    public async Task The_silo_port_is_declared_on_the_container_and_the_headless_Service_and_bound_to_the_pod_IP()
    {
        var chart = await ChartRenderer.RenderAsync();

        Assert.Equal("11111", chart.Arg("--silo-port"));
        Assert.Contains(chart.Silo["ports"]!.AsArray(), p => (string?)p!["name"] == "silo" && (int)p["containerPort"]! == 11111);
        var headless = chart.Single("Service", "ccm-silos");
        Assert.Contains(headless["spec"]!["ports"]!.AsArray(), p => (string?)p!["name"] == "silo" && (int)p["port"]! == 11111);
        Assert.Equal("status.podIP", (string?)chart.Env["POD_IP"]["valueFrom"]!["fieldRef"]!["fieldPath"]);
    }

    private static X509Certificate2 Pem(System.Text.Json.Nodes.JsonObject secret, string key) =>
        X509Certificate2.CreateFromPem(System.Text.Encoding.ASCII.GetString(Convert.FromBase64String((string)secret["data"]![key]!)));

    private static void WriteSecret(System.Text.Json.Nodes.JsonObject secret, string folder)
    {
        foreach (var key in new[] { "tls.crt", "tls.key", "ca.crt" })
        {
            File.WriteAllBytes(Path.Combine(folder, key), Convert.FromBase64String((string)secret["data"]![key]!));
        }
    }

    private static X509Certificate2 SelfSigned(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    /// <summary>An SslStream handshake on loopback where each side presents its certificate and checks the other's with <paramref name="validate"/>.</summary>
    private static async Task HandshakeAsync(X509Certificate2 server, X509Certificate2 client, RemoteCertificateValidator validate)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accepted = listener.AcceptTcpClientAsync();
        using var connecting = new TcpClient();
        await connecting.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
        using var serverSide = await accepted;
        bool Check(object _, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
            certificate is not null && validate(X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()), chain!, errors);

        await using var serverStream = new SslStream(serverSide.GetStream(), false, Check);
        await using var clientStream = new SslStream(connecting.GetStream(), false, Check);
        var serverTask = serverStream.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = server, ClientCertificateRequired = true });
        await clientStream.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "silo", // silos check the signer, not the name (pod IPs change)
            ClientCertificates = [client],
            LocalCertificateSelectionCallback = (_, _, _, _, _) => client,
        });
        await serverTask;

        Assert.True(serverStream.IsMutuallyAuthenticated);
        Assert.True(clientStream.IsMutuallyAuthenticated);
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("ccm-chart-tls-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
