using System.Collections.Immutable;
using Ccm.Kube.Api;
using Ccm.Kube.Models;

namespace Ccm.Runtime.Kubernetes;

/// <summary>
/// <see cref="ILeaseStore"/> on <c>coordination.k8s.io/v1</c> Leases in one namespace. Replace is a PUT carrying
/// the resourceVersion it was read at (client-go's <c>LeaseLock.Update</c>), so a 409 tells a contender it lost.
/// </summary>
public sealed class KubeLeaseStore(IKubeApi api, string @namespace) : ILeaseStore
{
    public async Task<IReadOnlyList<LeaseRecord>> ListAsync(string labelKey, string labelValue, CancellationToken cancellationToken)
    {
        var list = await api.ListAllAsync<Lease>(@namespace, new ListOptions { LabelSelector = $"{labelKey}={labelValue}" }, cancellationToken);
        return [.. list.Items.Select(ToRecord)];
    }

    public async Task<LeaseRecord?> GetAsync(string name, CancellationToken cancellationToken) =>
        await api.GetOrNullAsync<Lease>(@namespace, name, cancellationToken) is { } lease ? ToRecord(lease) : null;

    public async Task<LeaseRecord?> CreateAsync(LeaseRecord lease, CancellationToken cancellationToken)
    {
        try
        {
            return ToRecord(await api.CreateAsync(ToLease(lease with { ResourceVersion = null }), cancellationToken));
        }
        catch (KubeApiException ex) when (ex.IsAlreadyExists)
        {
            return null;
        }
    }

    public async Task<LeaseRecord?> ReplaceAsync(LeaseRecord lease, CancellationToken cancellationToken)
    {
        try
        {
            var result = await api.UpdateLeaseAsync(ToLease(lease), cancellationToken);
            return result.Lease is { } updated ? ToRecord(updated) : null;
        }
        catch (KubeApiException ex) when (ex.IsNotFound)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await api.DeleteAsync<Lease>(@namespace, name, cancellationToken: cancellationToken);
        }
        catch (KubeApiException ex) when (ex.IsNotFound)
        {
        }
    }

    internal static LeaseRecord ToRecord(Lease lease) => new()
    {
        Name = lease.Metadata.Name ?? "",
        ResourceVersion = lease.Metadata.ResourceVersion,
        HolderIdentity = lease.Spec?.HolderIdentity,
        LeaseDurationSeconds = lease.Spec?.LeaseDurationSeconds ?? 0,
        AcquireTime = lease.Spec?.AcquireTime,
        RenewTime = lease.Spec?.RenewTime,
        LeaseTransitions = lease.Spec?.LeaseTransitions ?? 0,
        Labels = lease.Metadata.Labels?.ToImmutableDictionary() ?? ImmutableDictionary<string, string>.Empty,
        Annotations = lease.Metadata.Annotations?.ToImmutableDictionary() ?? ImmutableDictionary<string, string>.Empty,
        Origin = lease,
    };

    internal Lease ToLease(LeaseRecord record)
    {
        // Start from what was read, so fields we do not model survive the PUT.
        var origin = record.Origin as Lease ?? new Lease();
        return origin with
        {
            Metadata = origin.Metadata with
            {
                Name = record.Name,
                Namespace = @namespace,
                ResourceVersion = record.ResourceVersion,
                Labels = record.Labels.IsEmpty ? null : record.Labels,
                Annotations = record.Annotations.IsEmpty ? null : record.Annotations,
            },
            Spec = (origin.Spec ?? new LeaseSpec()) with
            {
                HolderIdentity = record.HolderIdentity,
                LeaseDurationSeconds = record.LeaseDurationSeconds,
                AcquireTime = record.AcquireTime,
                RenewTime = record.RenewTime,
                LeaseTransitions = record.LeaseTransitions,
            },
        };
    }
}
