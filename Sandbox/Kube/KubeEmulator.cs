using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Ccm.Sandbox.Kube.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ccm.Sandbox.Kube;

/// <summary>
/// A Kubernetes API server emulator on loopback, served like a real one: HTTPS with a CA made at start and a bearer
/// token (plain HTTP only when <see cref="KubeEmulatorOptions.PlainHttp"/> asks for it); discovery, OpenAPI v3 enough
/// for kubectl's validation, generic storage with watch, the four patch types, finalizers, status subresources,
/// optimistic concurrency, Service IP and node-port allocation, and a stand-in for the controllers that make
/// Deployments and EndpointSlices behave. Real clients (kubectl, client-node, KubernetesClient, our <c>Kube/</c>
/// client) drive it with the kubeconfig it writes; tests may also reach its store in-process (<see cref="Objects"/>)
/// and inject faults (<see cref="Faults"/>).
/// </summary>
public sealed class KubeEmulator : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly KubeCluster cluster;
    private readonly ServingCertificates? certificates;

    private KubeEmulator(WebApplication app, KubeCluster cluster, KubeFaults faults, ServingCertificates? certificates, string? token, Uri baseAddress)
    {
        this.app = app;
        this.cluster = cluster;
        this.certificates = certificates;
        BearerToken = token;
        BaseAddress = baseAddress;
        Objects = new KubeObjects(cluster.Operations, cluster.Catalog);
        Faults = faults;
    }

    /// <summary><c>https://127.0.0.1:PORT</c> (<c>http://</c> with <see cref="KubeEmulatorOptions.PlainHttp"/>), the bound address.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The token clients must send (<c>Authorization: Bearer …</c>); null when serving plain HTTP.</summary>
    public string? BearerToken { get; }

    /// <summary>The CA that signed the serving certificate (public part); null when serving plain HTTP.</summary>
    public X509Certificate2? CertificateAuthority => certificates?.Authority;

    /// <summary><see cref="CertificateAuthority"/> in PEM; its base64 is the kubeconfig's <c>certificate-authority-data</c>.</summary>
    public string? CertificateAuthorityPem => certificates?.AuthorityPem;

    /// <summary>In-process access to the objects (same rules as HTTP; errors are <see cref="KubeApiException"/>).</summary>
    public KubeObjects Objects { get; }

    /// <summary>Fault hooks: compact the watch history, close every watch, restart with lost state, slow requests down.</summary>
    public KubeFaults Faults { get; }

    /// <summary>The newest resourceVersion.</summary>
    public long ResourceVersion => cluster.Store.Snapshot.ResourceVersion;

    public static async Task<KubeEmulator> StartAsync(KubeEmulatorOptions options, CancellationToken cancellationToken = default)
    {
        var endpoint = ListenAddress.Parse(options.Listen);
        var token = options.PlainHttp ? null : options.BearerToken ?? RandomNumberGenerator.GetHexString(64, lowercase: true);
        if (token is not null && (token.Length == 0 || token.Any(c => c is <= ' ' or > '~')))
        {
            throw new ArgumentException("the bearer token must be non-empty printable ASCII without spaces", nameof(options));
        }

        var loggers = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var certificates = options.PlainHttp ? null : ServingCertificates.Create(options.TimeProvider);
        var cluster = new KubeCluster(options, loggers);
        var faults = new KubeFaults(cluster);
        var app = KubeWebApp.Build(endpoint, cluster.Handler.HandleAsync, faults, certificates, token, loggers);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await cluster.DisposeAsync();
            await app.DisposeAsync();
            certificates?.Dispose();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new KubeEmulator(app, cluster, faults, certificates, token, new Uri(address));
    }

    /// <summary>
    /// A handler that trusts <see cref="CertificateAuthority"/> alone and sends <see cref="BearerToken"/>, for clients
    /// that do not read kubeconfigs (raw-HTTP tests, benchmarks). The caller disposes it.
    /// </summary>
    public HttpMessageHandler CreateHttpHandler() => CreateHttpHandler(CertificateAuthority, BearerToken);

    /// <summary>An <see cref="HttpClient"/> on <see cref="BaseAddress"/> over <see cref="CreateHttpHandler()"/>.</summary>
    public HttpClient CreateHttpClient() => new(CreateHttpHandler()) { BaseAddress = BaseAddress };

    /// <summary>The same for an emulator in another process, from its kubeconfig's CA and token (either may be null).</summary>
    public static HttpMessageHandler CreateHttpHandler(X509Certificate2? certificateAuthority, string? bearerToken) =>
        TrustingHandler.Create(certificateAuthority, bearerToken);

    /// <summary>
    /// Writes <see cref="Kubeconfig"/> to <paramref name="path"/>, readable by its owner only (it holds the token), as
    /// kubectl keeps its own config.
    /// </summary>
    public void WriteKubeconfig(string path)
    {
        File.WriteAllText(path, Kubeconfig());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>The kubeconfig: server = <see cref="BaseAddress"/>, the CA inline, the token, one context, namespace default.</summary>
    public string Kubeconfig() => KubeconfigText.For(BaseAddress, CertificateAuthorityPem, BearerToken);

    public async ValueTask DisposeAsync()
    {
        cluster.Store.Events.CloseAllWatches();
        await app.StopAsync();
        await app.DisposeAsync();
        await cluster.DisposeAsync();
        certificates?.Dispose();
    }
}
