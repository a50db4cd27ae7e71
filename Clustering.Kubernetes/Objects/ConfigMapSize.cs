namespace Ccm.Clustering.Kubernetes.Objects;

/// <summary>
/// The API server refuses a ConfigMap whose data (the sum of the lengths of every key and value, data and binaryData)
/// exceeds 1 MiB. The tables check the same sum before writing so that a full table fails with a message that says
/// which object is full and what to do, instead of the API server's generic 422.
/// </summary>
internal static class ConfigMapSize
{
    /// <summary>1 MiB, the API server's limit on a ConfigMap's data.</summary>
    public const int Limit = 1024 * 1024;

    public static long Of(IReadOnlyDictionary<string, string> data)
    {
        long size = 0;
        foreach (var (key, value) in data)
        {
            size += System.Text.Encoding.UTF8.GetByteCount(key) + System.Text.Encoding.UTF8.GetByteCount(value);
        }

        return size;
    }

    /// <summary>Throws a <see cref="KubernetesClusteringException"/> naming the ConfigMap when the data would not fit.</summary>
    public static void EnsureFits(string configMap, IReadOnlyDictionary<string, string> data, string remedy)
    {
        var size = Of(data);
        if (size > Limit)
        {
            throw new KubernetesClusteringException(
                $"ConfigMap {configMap} would hold {size} bytes of data, more than the API server's limit of {Limit}. {remedy}");
        }
    }
}
