using System.Collections.Immutable;
using Ccm.Kube.Client;
using k8s;
using k8s.Models;

namespace Ccm.Runtime.Kubernetes;

/// <summary>
/// <see cref="ILeaseStore"/> on <c>coordination.k8s.io/v1</c> Leases in one namespace. Replace is a PUT carrying
/// the resourceVersion it was read at (client-go's <c>LeaseLock.Update</c>), so a 409 tells a contender it lost.
/// </summary>
public sealed class KubeLeaseStore(IKubernetes kube, string @namespace) : ILeaseStore
{
    public async Task<IReadOnlyList<LeaseRecord>> ListAsync(string labelKey, string labelValue, CancellationToken cancellationToken)
    {
        var list = await kube.CoordinationV1.ListNamespacedLeaseAsync(@namespace, labelSelector: $"{labelKey}={labelValue}", cancellationToken: cancellationToken);
        return [.. list.Items.Select(ToRecord)];
    }

    public async Task<LeaseRecord?> GetAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return ToRecord(await kube.CoordinationV1.ReadNamespacedLeaseAsync(name, @namespace, cancellationToken: cancellationToken));
        }
        catch (Exception ex) when (ex.IsNotFound())
        {
            return null;
        }
    }

    public async Task<LeaseRecord?> CreateAsync(LeaseRecord lease, CancellationToken cancellationToken)
    {
        try
        {
            return ToRecord(await kube.CoordinationV1.CreateNamespacedLeaseAsync(ToLease(lease with { ResourceVersion = null }), @namespace, cancellationToken: cancellationToken));
        }
        catch (Exception ex) when (ex.IsAlreadyExists())
        {
            return null;
        }
    }

    public async Task<LeaseRecord?> ReplaceAsync(LeaseRecord lease, CancellationToken cancellationToken)
    {
        try
        {
            return ToRecord(await kube.CoordinationV1.ReplaceNamespacedLeaseAsync(ToLease(lease), lease.Name, @namespace, cancellationToken: cancellationToken));
        }
        catch (Exception ex) when (ex.IsNotFound() || ex.IsConflict())
        {
            return null; // gone, or another silo wrote it first: the loser's normal outcome
        }
    }

    public async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await kube.CoordinationV1.DeleteNamespacedLeaseAsync(name, @namespace, cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (ex.IsNotFound())
        {
        }
    }

    internal static LeaseRecord ToRecord(V1Lease lease) => new()
    {
        Name = lease.Metadata.Name ?? "",
        ResourceVersion = lease.Metadata.ResourceVersion,
        HolderIdentity = lease.Spec?.HolderIdentity,
        LeaseDurationSeconds = lease.Spec?.LeaseDurationSeconds ?? 0,
        AcquireTime = Utc(lease.Spec?.AcquireTime),
        RenewTime = Utc(lease.Spec?.RenewTime),
        LeaseTransitions = lease.Spec?.LeaseTransitions ?? 0,
        Labels = lease.Metadata.Labels?.ToImmutableDictionary() ?? ImmutableDictionary<string, string>.Empty,
        Annotations = lease.Metadata.Annotations?.ToImmutableDictionary() ?? ImmutableDictionary<string, string>.Empty,
        Origin = lease,
    };

    internal V1Lease ToLease(LeaseRecord record)
    {
        // Start from a copy of what was read, so fields we do not model survive the PUT.
        var lease = record.Origin is V1Lease origin ? KubernetesJson.Deserialize<V1Lease>(KubernetesJson.Serialize(origin)) : new V1Lease();
        lease.ApiVersion = "coordination.k8s.io/v1";
        lease.Kind = "Lease";
        lease.Metadata ??= new V1ObjectMeta();
        lease.Metadata.Name = record.Name;
        lease.Metadata.NamespaceProperty = @namespace;
        lease.Metadata.ResourceVersion = record.ResourceVersion;
        lease.Metadata.Labels = record.Labels.IsEmpty ? null : record.Labels.ToDictionary();
        lease.Metadata.Annotations = record.Annotations.IsEmpty ? null : record.Annotations.ToDictionary();
        lease.Spec ??= new V1LeaseSpec();
        lease.Spec.HolderIdentity = record.HolderIdentity;
        lease.Spec.LeaseDurationSeconds = record.LeaseDurationSeconds;
        lease.Spec.AcquireTime = record.AcquireTime?.UtcDateTime;
        lease.Spec.RenewTime = record.RenewTime?.UtcDateTime;
        lease.Spec.LeaseTransitions = record.LeaseTransitions;
        return lease;
    }

    private static DateTimeOffset? Utc(DateTime? at) => at is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null;
}
