using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Ccm.Kube.Config;

/// <summary>PEM decoding with messages that name where the PEM came from (and never contain key material).</summary>
internal static class PemCertificates
{
    public static X509Certificate2Collection ParseBundle(byte[] pem, string where)
    {
        var bundle = new X509Certificate2Collection();
        try
        {
            bundle.ImportFromPem(Encoding.ASCII.GetString(pem));
        }
        catch (CryptographicException ex)
        {
            throw new KubeconfigException($"{where}: not a valid PEM certificate bundle: {ex.Message}", ex);
        }

        return bundle.Count > 0 ? bundle : throw new KubeconfigException($"{where}: contains no PEM certificate");
    }

    public static X509Certificate2 ParseClientCertificate(byte[] certificatePem, byte[] keyPem, string where)
    {
        try
        {
            using var ephemeral = X509Certificate2.CreateFromPem(Encoding.ASCII.GetString(certificatePem), Encoding.ASCII.GetString(keyPem));

            // A PEM-loaded key is ephemeral; a PKCS#12 round trip gives a certificate every TLS stack accepts.
            return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            throw new KubeconfigException($"{where}: not a matching PEM certificate and private key: {ex.Message}", ex);
        }
    }
}
