using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Ccm.Kube.Config;

/// <summary>
/// Parses one kubeconfig file (YAML or JSON; clientcmd/api/v1 Config). Unknown keys are ignored, as clientcmd
/// does; a wrong type or bad base64 fails with the file and the field path.
/// </summary>
internal static class KubeconfigParser
{
    public static KubeconfigDocument Parse(string path, byte[] content)
    {
        var root = Load(path, content);
        if (root is null)
        {
            // An empty file is a valid, empty config (clientcmd treats it so).
            return new KubeconfigDocument(path, [], [], [], null);
        }

        var fields = new YamlFields(path);
        var clusters = fields.Entries(root, "clusters", "cluster").Select(e => Cluster(fields, e)).ToList();
        var users = fields.Entries(root, "users", "user").Select(e => User(fields, e)).ToList();
        var contexts = fields.Entries(root, "contexts", "context").Select(e => Context(fields, e)).ToList();
        var current = fields.String(root, "current-context", "current-context");
        return new KubeconfigDocument(path, clusters, users, contexts, string.IsNullOrEmpty(current) ? null : current);
    }

    private static YamlMappingNode? Load(string path, byte[] content)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(Encoding.UTF8.GetString(content)));
        }
        catch (YamlException ex)
        {
            throw new KubeconfigException($"{path}: not valid YAML at line {ex.Start.Line}, column {ex.Start.Column}: {ex.Message}", ex);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return null;
        }

        return stream.Documents[0].RootNode as YamlMappingNode
            ?? throw new KubeconfigException($"{path}: the document must be a mapping (a kubeconfig has clusters, users, contexts)");
    }

    private static KubeconfigCluster Cluster(YamlFields f, YamlFields.Entry e) => new(e.Name, f.File, e.Field)
    {
        Server = f.String(e.Body, "server", e.Field),
        CertificateAuthority = f.String(e.Body, "certificate-authority", e.Field),
        CertificateAuthorityData = f.Base64(e.Body, "certificate-authority-data", e.Field),
        InsecureSkipTlsVerify = f.Bool(e.Body, "insecure-skip-tls-verify", e.Field) ?? false,
        TlsServerName = f.String(e.Body, "tls-server-name", e.Field),
    };

    private static KubeconfigUser User(YamlFields f, YamlFields.Entry e) => new(e.Name, f.File, e.Field)
    {
        Token = f.String(e.Body, "token", e.Field),
        TokenFile = f.String(e.Body, "tokenFile", e.Field),
        ClientCertificate = f.String(e.Body, "client-certificate", e.Field),
        ClientCertificateData = f.Base64(e.Body, "client-certificate-data", e.Field),
        ClientKey = f.String(e.Body, "client-key", e.Field),
        ClientKeyData = f.Base64(e.Body, "client-key-data", e.Field),
        Unsupported = e.Body.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value)
            .FirstOrDefault(k => k is "exec" or "auth-provider" or "username" or "password"),
    };

    private static KubeconfigContext Context(YamlFields f, YamlFields.Entry e) => new(e.Name, f.File, e.Field)
    {
        Cluster = f.String(e.Body, "cluster", e.Field),
        User = f.String(e.Body, "user", e.Field),
        Namespace = f.String(e.Body, "namespace", e.Field),
    };
}
