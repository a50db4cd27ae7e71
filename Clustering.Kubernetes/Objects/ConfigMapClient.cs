using k8s;
using k8s.Models;

namespace Ccm.Clustering.Kubernetes.Objects;

/// <summary>
/// The four ConfigMap calls the tables make, with the API server's protocol answers (404, 409) turned into values.
/// Every write is conditional: a replace carries the resourceVersion it was computed from.
/// </summary>
internal sealed class ConfigMapClient(IKubernetes client, string @namespace)
{
    public string Namespace => @namespace;

    /// <summary>The ConfigMap, or null when it does not exist.</summary>
    public async Task<V1ConfigMap?> TryGetAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return await client.CoreV1.ReadNamespacedConfigMapAsync(name, @namespace, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (KubernetesErrors.IsNotFound(e))
        {
            return null;
        }
    }

    /// <summary>Creates the ConfigMap; false when one of that name exists already (a racing creator).</summary>
    public async Task<bool> TryCreateAsync(V1ConfigMap map, CancellationToken cancellationToken)
    {
        try
        {
            map.ApiVersion = V1ConfigMap.KubeApiVersion;
            map.Kind = V1ConfigMap.KubeKind;
            await client.CoreV1.CreateNamespacedConfigMapAsync(map, @namespace, cancellationToken: cancellationToken);
            return true;
        }
        catch (Exception e) when (KubernetesErrors.IsConflict(e))
        {
            return false;
        }
    }

    /// <summary>
    /// Replaces <paramref name="current"/>'s data, conditioned on its resourceVersion. Metadata (labels, annotations,
    /// owners, finalizers someone added) is kept. Null when another writer changed or deleted it since it was read.
    /// </summary>
    public async Task<V1ConfigMap?> TryReplaceDataAsync(V1ConfigMap current, IDictionary<string, string> data, CancellationToken cancellationToken)
    {
        var replacement = KubernetesJson.Deserialize<V1ConfigMap>(KubernetesJson.Serialize(current));
        replacement.Data = data;
        try
        {
            return await client.CoreV1.ReplaceNamespacedConfigMapAsync(replacement, current.Name(), @namespace, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (KubernetesErrors.IsConflict(e) || KubernetesErrors.IsNotFound(e))
        {
            return null;
        }
    }

    /// <summary>Deletes the ConfigMap if it exists.</summary>
    public async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await client.CoreV1.DeleteNamespacedConfigMapAsync(name, @namespace, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (KubernetesErrors.IsNotFound(e))
        {
        }
    }
}
