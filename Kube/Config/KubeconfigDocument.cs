namespace Ccm.Kube.Config;

/// <summary>
/// One kubeconfig file as written (before merging and before reading any file it points at). <see cref="Path"/> is
/// kept for error messages and for resolving relative paths inside it.
/// </summary>
internal sealed record KubeconfigDocument(
    string Path,
    IReadOnlyList<KubeconfigCluster> Clusters,
    IReadOnlyList<KubeconfigUser> Users,
    IReadOnlyList<KubeconfigContext> Contexts,
    string? CurrentContext);

/// <summary>A <c>clusters[i]</c> entry. <see cref="Field"/> is its location, e.g. <c>clusters[0].cluster</c>.</summary>
internal sealed record KubeconfigCluster(string Name, string File, string Field)
{
    public string? Server { get; init; }

    public string? CertificateAuthority { get; init; }

    public byte[]? CertificateAuthorityData { get; init; }

    public bool InsecureSkipTlsVerify { get; init; }

    public string? TlsServerName { get; init; }
}

/// <summary>A <c>users[i]</c> entry (credential values are never printed).</summary>
internal sealed record KubeconfigUser(string Name, string File, string Field)
{
    public string? Token { get; init; }

    public string? TokenFile { get; init; }

    public string? ClientCertificate { get; init; }

    public byte[]? ClientCertificateData { get; init; }

    public string? ClientKey { get; init; }

    public byte[]? ClientKeyData { get; init; }

    /// <summary>Set when the user names a mechanism we do not implement (<c>exec</c>, <c>auth-provider</c>, basic auth).</summary>
    public string? Unsupported { get; init; }

    public override string ToString() => $"user {Name} ({File}: {Field})";
}

/// <summary>A <c>contexts[i]</c> entry.</summary>
internal sealed record KubeconfigContext(string Name, string File, string Field)
{
    public string? Cluster { get; init; }

    public string? User { get; init; }

    public string? Namespace { get; init; }
}
