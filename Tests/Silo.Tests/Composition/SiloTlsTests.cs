using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Ccm.Silo.Composition;
using Ccm.Silo.Tests.Support;
using Orleans.Connections.Security;

namespace Ccm.Silo.Tests.Composition;

/// <summary><c>--silo-tls-dir</c>: mutual TLS between silos, trusting only peers the folder's CA signed.</summary>
public sealed class SiloTlsTests : IDisposable
{
    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void Without_the_flag_silo_traffic_is_plaintext()
    {
        Assert.Null(SiloTls.Load(null));
    }

    [Theory]
    [InlineData("tls.crt")]
    [InlineData("tls.key")]
    [InlineData("ca.crt")]
    public void A_missing_file_is_named(string missing)
    {
        var folder = WriteSecret(Authority("ccm-silo-ca"), "ccm-silo-1");
        File.Delete(Path.Combine(folder, missing));

        var error = Assert.Throws<IOException>(() => SiloTls.Load(folder));

        Assert.Contains($"{missing} is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("--silo-tls-dir", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_sides_must_present_a_certificate()
    {
        var tls = SiloTls.Load(WriteSecret(Authority("ccm-silo-ca"), "ccm-silo-1"))!;
        var options = new TlsOptions();

        tls.Configure(options);

        Assert.Equal(RemoteCertificateMode.RequireCertificate, options.RemoteCertificateMode);
        Assert.Equal(RemoteCertificateMode.RequireCertificate, options.ClientCertificateMode);
        Assert.True(tls.Certificate.HasPrivateKey);
    }

    [Fact]
    public void A_peer_the_CA_signed_is_accepted_whatever_its_name()
    {
        using var authority = Authority("ccm-silo-ca");
        var options = Configured(WriteSecret(authority, "ccm-silo-1"));
        using var peer = Signed(authority, "10.244.3.17");

        // The system does not trust our CA (RemoteCertificateChainErrors); the folder's CA decides.
        Assert.True(options.RemoteCertificateValidation!(peer, null, SslPolicyErrors.RemoteCertificateChainErrors));
    }

    [Fact]
    public void A_peer_signed_by_another_CA_or_by_itself_is_refused()
    {
        using var authority = Authority("ccm-silo-ca");
        using var stranger = Authority("someone-else-ca");
        var options = Configured(WriteSecret(authority, "ccm-silo-1"));
        using var foreign = Signed(stranger, "ccm-silo-2");
        using var selfSigned = Authority("ccm-silo-2");

        Assert.False(options.RemoteCertificateValidation!(foreign, null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(options.RemoteCertificateValidation!(selfSigned, null, SslPolicyErrors.RemoteCertificateChainErrors));
    }

    private static TlsOptions Configured(string folder)
    {
        var options = new TlsOptions();
        SiloTls.Load(folder)!.Configure(options);
        return options;
    }

    /// <summary>A folder laid out as the chart mounts it: a TLS Secret (tls.crt, tls.key) and its CA (ca.crt).</summary>
    private string WriteSecret(X509Certificate2 authority, string name)
    {
        var folder = Path.Combine(files.Root, "tls-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        using var leaf = Signed(authority, name);
        File.WriteAllText(Path.Combine(folder, "tls.crt"), leaf.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "tls.key"), leaf.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(Path.Combine(folder, "ca.crt"), authority.ExportCertificatePem());
        return folder;
    }

    private static X509Certificate2 Authority(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.DigitalSignature, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    private static X509Certificate2 Signed(X509Certificate2 authority, string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        using var certificate = request.Create(authority, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(7), RandomNumberGenerator.GetBytes(8));
        return certificate.CopyWithPrivateKey(key);
    }
}
