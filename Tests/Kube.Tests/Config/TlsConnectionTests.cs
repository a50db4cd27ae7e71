using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Ccm.Kube.Api;
using Ccm.Kube.Config;
using Ccm.Kube.Models;
using Ccm.Kube.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;

namespace Ccm.Kube.Tests.Config;

/// <summary>
/// The TLS settings a kubeconfig resolves to, used for real: an HTTPS server on loopback with a certificate from a
/// test CA that demands a client certificate, as an API server configured with <c>--client-ca-file</c> does.
/// </summary>
public sealed class TlsConnectionTests : IAsyncLifetime, IDisposable
{
    private readonly TestCertificates certs = new();
    private WebApplication server = null!;
    private Uri address = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(new HttpsConnectionAdapterOptions
        {
            ServerCertificate = certs.ServerWithKey(),
            ClientCertificateMode = ClientCertificateMode.RequireCertificate,
            ClientCertificateValidation = (cert, _, _) => cert.Issuer == certs.Ca.Subject,
        })));
        server = builder.Build();
        server.Run(async context =>
        {
            var who = context.Connection.ClientCertificate?.GetNameInfo(X509NameType.SimpleName, false);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"kind\":\"Namespace\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"" + who + "\"}}");
        });
        await server.StartAsync();
        address = new Uri(server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    public void Dispose() => certs.Dispose();

    [Fact]
    public async Task The_ca_and_client_certificate_from_a_kubeconfig_make_a_mutual_tls_connection()
    {
        using var api = new HttpKubeApi(Load($"certificate-authority-data: {B64(certs.CaPem)}"), new KubeApiOptions { Qps = 0 });

        var ns = await api.GetAsync<Namespace>(null, "x");

        Assert.Equal("ccm", ns.Metadata.Name); // the server saw our client certificate
    }

    [Fact]
    public async Task A_server_certificate_from_another_ca_is_refused()
    {
        using var other = new TestCertificates();
        using var api = new HttpKubeApi(Load($"certificate-authority-data: {B64(other.CaPem)}"), new KubeApiOptions { Qps = 0 });

        await Assert.ThrowsAsync<HttpRequestException>(() => api.GetAsync<Namespace>(null, "x"));
    }

    [Fact]
    public async Task Without_a_ca_the_system_roots_decide_and_refuse_a_private_ca()
    {
        using var api = new HttpKubeApi(Load(""), new KubeApiOptions { Qps = 0 });

        await Assert.ThrowsAsync<HttpRequestException>(() => api.GetAsync<Namespace>(null, "x"));
    }

    [Fact]
    public async Task Insecure_skip_tls_verify_accepts_any_server_certificate()
    {
        using var api = new HttpKubeApi(Load("insecure-skip-tls-verify: true"), new KubeApiOptions { Qps = 0 });

        var ns = await api.GetAsync<Namespace>(null, "x");

        Assert.Equal("ccm", ns.Metadata.Name);
    }

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private KubeClientConfig Load(string clusterExtra)
    {
        var env = new FakeKubeEnvironment().File("/k/config", $"""
            clusters:
            - name: c
              cluster:
                server: {address}
                {clusterExtra}
            users:
            - name: u
              user:
                client-certificate-data: {B64(certs.ClientPem)}
                client-key-data: {B64(certs.ClientKeyPem)}
            contexts:
            - name: x
              context: {"{"}cluster: c, user: u{"}"}
            current-context: x
            """);
        return KubeClientConfigLoader.Load(new KubeClientConfigLoadOptions { KubeconfigPath = "/k/config", Environment = env });
    }
}
