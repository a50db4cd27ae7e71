using System.Security.Cryptography.X509Certificates;

namespace Ccm.Kube.Config;

/// <summary>
/// Merges kubeconfig files and resolves one context into a <see cref="KubeClientConfig"/>, with clientcmd's rules:
/// for every cluster, user and context name the first file that defines it wins, and so does the first
/// <c>current-context</c>; paths inside a file are relative to that file's folder; <c>*-data</c> beats the file
/// form; a <c>tokenFile</c> is re-read and beats <c>token</c>.
/// </summary>
internal sealed class KubeconfigResolver(IKubeEnvironment environment, KubeClientConfigLoadOptions options)
{
    public KubeClientConfig Resolve(IReadOnlyList<KubeconfigDocument> documents)
    {
        var files = string.Join(", ", documents.Select(d => d.Path));
        var contextName = options.Context ?? documents.Select(d => d.CurrentContext).FirstOrDefault(c => c is not null)
            ?? throw new KubeconfigException($"{files}: no current-context is set and no context was chosen");
        var context = First(documents.SelectMany(d => d.Contexts), contextName)
            ?? throw new KubeconfigException($"{files}: context '{contextName}' is not defined");
        if (string.IsNullOrEmpty(context.Cluster))
        {
            throw new KubeconfigException($"{context.File}: {context.Field}.cluster: is required");
        }

        var cluster = First(documents.SelectMany(d => d.Clusters), context.Cluster)
            ?? throw new KubeconfigException($"{context.File}: {context.Field}.cluster: cluster '{context.Cluster}' is not defined");
        KubeconfigUser? user = null;
        if (!string.IsNullOrEmpty(context.User))
        {
            user = First(documents.SelectMany(d => d.Users), context.User)
                ?? throw new KubeconfigException($"{context.File}: {context.Field}.user: user '{context.User}' is not defined");
        }

        return new KubeClientConfig
        {
            Server = Server(cluster),
            Namespace = string.IsNullOrEmpty(context.Namespace) ? "default" : context.Namespace,
            CertificateAuthorities = CertificateAuthorities(cluster),
            InsecureSkipTlsVerify = cluster.InsecureSkipTlsVerify,
            TlsServerName = cluster.TlsServerName,
            BearerToken = user is null ? null : BearerToken(user),
            ClientCertificate = user is null ? null : ClientCertificate(user),
            Source = $"kubeconfig {context.File} (context {contextName})",
        };
    }

    private static T? First<T>(IEnumerable<T> entries, string name) where T : class =>
        entries.FirstOrDefault(e => e switch
        {
            KubeconfigCluster c => c.Name == name,
            KubeconfigUser u => u.Name == name,
            KubeconfigContext x => x.Name == name,
            _ => false,
        });

    private static Uri Server(KubeconfigCluster cluster)
    {
        if (string.IsNullOrEmpty(cluster.Server))
        {
            throw new KubeconfigException($"{cluster.File}: {cluster.Field}.server: is required");
        }

        if (!Uri.TryCreate(cluster.Server, UriKind.Absolute, out var server) || server.Scheme is not ("https" or "http"))
        {
            throw new KubeconfigException($"{cluster.File}: {cluster.Field}.server: '{cluster.Server}' is not an http(s) URL");
        }

        return server;
    }

    private X509Certificate2Collection? CertificateAuthorities(KubeconfigCluster cluster)
    {
        var field = $"{cluster.Field}.certificate-authority{(cluster.CertificateAuthorityData is null ? "" : "-data")}";
        var pem = cluster.CertificateAuthorityData ?? ReadReferenced(cluster.File, field, cluster.CertificateAuthority);
        if (pem is null)
        {
            return null;
        }

        if (cluster.InsecureSkipTlsVerify)
        {
            // clientcmd refuses this combination rather than silently ignoring one of the two.
            throw new KubeconfigException($"{cluster.File}: {cluster.Field}: certificate-authority and insecure-skip-tls-verify cannot both be set");
        }

        return PemCertificates.ParseBundle(pem, $"{cluster.File}: {field}");
    }

    private IBearerTokenSource? BearerToken(KubeconfigUser user)
    {
        ThrowIfUnsupported(user);
        if (!string.IsNullOrEmpty(user.TokenFile))
        {
            var source = new FileTokenSource(Relative(user.File, user.TokenFile), environment, options.TimeProvider, options.Logger);
            try
            {
                source.Read();
            }
            catch (KubeconfigException ex)
            {
                throw new KubeconfigException($"{user.File}: {user.Field}.tokenFile: {ex.Message}", ex);
            }

            return source;
        }

        return string.IsNullOrEmpty(user.Token) ? null : new StaticTokenSource(user.Token);
    }

    private X509Certificate2? ClientCertificate(KubeconfigUser user)
    {
        var certField = $"{user.Field}.client-certificate{(user.ClientCertificateData is null ? "" : "-data")}";
        var keyField = $"{user.Field}.client-key{(user.ClientKeyData is null ? "" : "-data")}";
        var cert = user.ClientCertificateData ?? ReadReferenced(user.File, certField, user.ClientCertificate);
        var key = user.ClientKeyData ?? ReadReferenced(user.File, keyField, user.ClientKey);
        return (cert, key) switch
        {
            (null, null) => null,
            (null, _) => throw new KubeconfigException($"{user.File}: {user.Field}: client-key is set without client-certificate"),
            (_, null) => throw new KubeconfigException($"{user.File}: {user.Field}: client-certificate is set without client-key"),
            _ => PemCertificates.ParseClientCertificate(cert, key, $"{user.File}: {certField} / {keyField}"),
        };
    }

    private static void ThrowIfUnsupported(KubeconfigUser user)
    {
        if (user.Unsupported is not null)
        {
            throw new KubeconfigException(
                $"{user.File}: {user.Field}.{user.Unsupported}: not supported; use token, tokenFile or client-certificate/client-key");
        }
    }

    private byte[]? ReadReferenced(string kubeconfig, string field, string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        var full = Relative(kubeconfig, path);
        try
        {
            return environment.ReadAllBytes(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KubeconfigException($"{kubeconfig}: {field}: cannot read {full}: {ex.Message}", ex);
        }
    }

    /// <summary>clientcmd resolves relative paths against the folder of the file that holds them.</summary>
    private static string Relative(string kubeconfig, string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(kubeconfig)) ?? "", path));
}
