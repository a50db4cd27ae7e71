using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Ccm.Sandbox.Kube.Hosting;

/// <summary>
/// What an API server's TLS is made of, minted in memory at start as kubeadm does for a new cluster: a self-signed CA
/// (it goes into the kubeconfig as <c>certificate-authority-data</c>) and a serving certificate it signs for every
/// name a client on this machine may dial (<c>127.0.0.1</c>, <c>::1</c>, <c>localhost</c>). Nothing is written to disk.
/// </summary>
internal sealed class ServingCertificates : IDisposable
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromHours(1);
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    private ServingCertificates(X509Certificate2 authority, X509Certificate2 server)
    {
        Authority = authority;
        Server = server;
        AuthorityPem = authority.ExportCertificatePem() + "\n";
    }

    /// <summary>The CA, public part only (what clients trust). Not disposed with the emulator: clients may outlive it.</summary>
    public X509Certificate2 Authority { get; }

    /// <summary>The CA in PEM, as <c>certificate-authority-data</c> carries it (base64 of these bytes).</summary>
    public string AuthorityPem { get; }

    /// <summary>The serving certificate with its private key (what Kestrel presents).</summary>
    public X509Certificate2 Server { get; }

    public static ServingCertificates Create(TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=ccm-sandbox-ca", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        var caSubjectKey = new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false);
        caRequest.CertificateExtensions.Add(caSubjectKey);
        using var caWithKey = caRequest.CreateSelfSigned(now - ClockSkew, now + Lifetime);

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest("CN=kube-apiserver", serverKey, HashAlgorithmName.SHA256);
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        serverRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication")], false));
        serverRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(caSubjectKey));
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        names.AddDnsName("localhost");
        serverRequest.CertificateExtensions.Add(names.Build(critical: false));

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F; // a positive serial number, as RFC 5280 wants
        using var signed = serverRequest.Create(caWithKey, now - ClockSkew, now + Lifetime, serial);
        using var signedWithKey = signed.CopyWithPrivateKey(serverKey);

        // A PKCS#12 round trip gives a key every platform's TLS stack accepts (an ephemeral one is refused on Windows).
        var server = X509CertificateLoader.LoadPkcs12(signedWithKey.Export(X509ContentType.Pkcs12), password: null);
        var authority = X509CertificateLoader.LoadCertificate(caWithKey.RawData);
        return new ServingCertificates(authority, server);
    }

    public void Dispose() => Server.Dispose();
}
