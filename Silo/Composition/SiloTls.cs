using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;

namespace Ccm.Silo.Composition;

/// <summary>
/// Mutual TLS between silos from a folder laid out as a Kubernetes TLS Secret (<c>tls.crt</c>, <c>tls.key</c>) plus
/// <c>ca.crt</c>: each side presents its certificate and accepts the other's only if that CA signed it. Pod IPs change,
/// so names are not checked: holding a key the CA signed is the identity.
/// </summary>
public sealed class SiloTls
{
    private readonly X509Certificate2Collection authority;

    private SiloTls(X509Certificate2 certificate, X509Certificate2Collection authority)
    {
        Certificate = certificate;
        this.authority = authority;
    }

    public X509Certificate2 Certificate { get; }

    /// <summary>Null when <paramref name="folder"/> is null; throws <see cref="IOException"/> naming a missing or bad file.</summary>
    public static SiloTls? Load(string? folder)
    {
        if (folder is null)
        {
            return null;
        }

        var (crt, key, ca) = (Path.Combine(folder, "tls.crt"), Path.Combine(folder, "tls.key"), Path.Combine(folder, "ca.crt"));
        foreach (var file in new[] { crt, key, ca })
        {
            if (!File.Exists(file))
            {
                throw new IOException($"--silo-tls-dir {folder}: {Path.GetFileName(file)} is missing (expected tls.crt, tls.key and ca.crt)");
            }
        }

        // An ephemeral PEM key cannot be used by SslStream on every platform; a PKCS#12 round trip makes it usable.
        using var pem = X509Certificate2.CreateFromPemFile(crt, key);
        var certificate = X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        var authority = new X509Certificate2Collection();
        authority.ImportFromPemFile(ca);
        return new SiloTls(certificate, authority);
    }

    public void Configure(TlsOptions options)
    {
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.RemoteCertificateValidation = (certificate, _, _) => SignedByAuthority(certificate);
    }

    private bool SignedByAuthority(X509Certificate2 certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
