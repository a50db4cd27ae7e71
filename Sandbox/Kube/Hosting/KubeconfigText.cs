using System.Text;

namespace Ccm.Sandbox.Kube.Hosting;

/// <summary>
/// A kubeconfig for the emulator, as kubeadm writes one for a new cluster: the server, the CA inline
/// (<c>certificate-authority-data</c>), a static bearer <c>token</c>, one context, namespace default. For the plain-HTTP
/// debugging listener (no TLS, no authentication, like the API server's old insecure port): the server and
/// <c>user: {}</c>.
/// </summary>
internal static class KubeconfigText
{
    public const string ContextName = "ccm-sandbox";

    public static string For(Uri server, string? certificateAuthorityPem, string? token) => $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: {ContextName}
          cluster:
            server: {server.GetLeftPart(UriPartial.Authority)}{CertificateAuthority(certificateAuthorityPem)}
        users:
        - name: {ContextName}
          user:{User(token)}
        contexts:
        - name: {ContextName}
          context:
            cluster: {ContextName}
            user: {ContextName}
            namespace: default
        current-context: {ContextName}
        preferences: {"{}"}

        """;

    private static string CertificateAuthority(string? pem) => pem is null
        ? ""
        : "\n    certificate-authority-data: " + Convert.ToBase64String(Encoding.ASCII.GetBytes(pem));

    /// <summary>The token double-quoted, so that any token (all digits, a leading dash, a colon) stays a string.</summary>
    private static string User(string? token) => token is null
        ? " {}"
        : "\n    token: \"" + token.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
