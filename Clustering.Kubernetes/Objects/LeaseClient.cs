using k8s;
using k8s.Models;

namespace Ccm.Clustering.Kubernetes.Objects;

/// <summary>The Lease calls the membership table makes, with 404 and 409 turned into values.</summary>
internal sealed class LeaseClient(IKubernetes client, string @namespace)
{
    /// <summary>The Lease, or null when it does not exist.</summary>
    public async Task<V1Lease?> TryGetAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return await client.CoordinationV1.ReadNamespacedLeaseAsync(name, @namespace, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (KubernetesErrors.IsNotFound(e))
        {
            return null;
        }
    }

    /// <summary>Creates the Lease; false when one of that name exists already.</summary>
    public async Task<bool> TryCreateAsync(V1Lease lease, CancellationToken cancellationToken)
    {
        try
        {
            lease.ApiVersion = $"{V1Lease.KubeGroup}/{V1Lease.KubeApiVersion}";
            lease.Kind = V1Lease.KubeKind;
            await client.CoordinationV1.CreateNamespacedLeaseAsync(lease, @namespace, cancellationToken: cancellationToken);
            return true;
        }
        catch (Exception e) when (KubernetesErrors.IsConflict(e))
        {
            return false;
        }
    }

    /// <summary>Replaces the Lease (its metadata.resourceVersion is the condition); false when it changed or went since.</summary>
    public async Task<bool> TryReplaceAsync(V1Lease lease, CancellationToken cancellationToken)
    {
        try
        {
            await client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, lease.Name(), @namespace, cancellationToken: cancellationToken);
            return true;
        }
        catch (Exception e) when (KubernetesErrors.IsConflict(e) || KubernetesErrors.IsNotFound(e))
        {
            return false;
        }
    }

    /// <summary>Deletes the Lease if it still has <paramref name="resourceVersion"/> (any version when null) and exists.</summary>
    public async Task DeleteAsync(string name, string? resourceVersion, CancellationToken cancellationToken)
    {
        var options = resourceVersion is null ? null : new V1DeleteOptions { Preconditions = new V1Preconditions { ResourceVersion = resourceVersion } };
        try
        {
            await client.CoordinationV1.DeleteNamespacedLeaseAsync(name, @namespace, options, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (KubernetesErrors.IsNotFound(e) || KubernetesErrors.IsConflict(e))
        {
        }
    }
}
