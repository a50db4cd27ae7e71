using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Ccm.Kube.Tests.Support;

/// <summary>A throwaway CA with a server and a client certificate, made in memory with CertificateRequest.</summary>
internal sealed class TestCertificates : IDisposable
{
    public TestCertificates()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=test-ca", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        Ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));

        (Server, ServerKeyPem) = Issue("CN=127.0.0.1", serverAuth: true);
        (Client, ClientKeyPem) = Issue("CN=ccm, O=system:masters", serverAuth: false);
    }

    public X509Certificate2 Ca { get; }

    public X509Certificate2 Server { get; }

    public string ServerKeyPem { get; }

    public X509Certificate2 Client { get; }

    public string ClientKeyPem { get; }

    public string CaPem => Ca.ExportCertificatePem();

    public string ClientPem => Client.ExportCertificatePem();

    /// <summary>The server certificate with its key, usable by Kestrel.</summary>
    public X509Certificate2 ServerWithKey() =>
        X509CertificateLoader.LoadPkcs12(X509Certificate2.CreateFromPem(Server.ExportCertificatePem(), ServerKeyPem).Export(X509ContentType.Pkcs12), null);

    public void Dispose()
    {
        Ca.Dispose();
        Server.Dispose();
        Client.Dispose();
    }

    private (X509Certificate2 Certificate, string KeyPem) Issue(string subject, bool serverAuth)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [serverAuth ? new Oid("1.3.6.1.5.5.7.3.1") : new Oid("1.3.6.1.5.5.7.3.2")], false));
        if (serverAuth)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(System.Net.IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
        }

        var serial = RandomNumberGenerator.GetBytes(8);
        var certificate = request.Create(Ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(10), serial);
        return (certificate, key.ExportECPrivateKeyPem());
    }
}
