namespace Ccm.Clustering.Kubernetes;

/// <summary>
/// A failure of the Kubernetes-backed tables that retrying cannot fix: a reminder bucket count that differs from the one
/// the stored buckets were written with, a ConfigMap that would outgrow the API server's 1 MiB limit, no free silo
/// slot, or a stored row that cannot be read. Conflicts are never reported this way (the tables answer false), and
/// transport or server errors surface as the client's own <c>HttpOperationException</c>.
/// </summary>
/// <remarks>It can reach a grain that registers a reminder on another silo, so it is serializable.</remarks>
[GenerateSerializer]
[Alias("Ccm.Clustering.Kubernetes.KubernetesClusteringException")]
public sealed class KubernetesClusteringException : Exception
{
    /// <summary>Creates the exception with an empty message.</summary>
    public KubernetesClusteringException()
    {
    }

    /// <summary>Creates the exception with a message that says what is wrong and what to do about it.</summary>
    public KubernetesClusteringException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure that caused it.</summary>
    public KubernetesClusteringException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
