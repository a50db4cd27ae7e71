using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;

namespace Ccm.Clustering.Kubernetes.Membership;

/// <summary>Removing defunct rows and whole tables.</summary>
public sealed partial class KubernetesMembershipTable
{
    private const int CleanupAttempts = 5;

    /// <summary>
    /// Removes the rows of silos that are not Active and showed no sign of life (start, IAmAlive, or a suspicion vote
    /// against them) since <paramref name="beforeDate"/> - the rule of Orleans' own tables - and then their slot
    /// Leases. The table version is left as it is: no live member changed. Conflicting writers make it read again.
    /// </summary>
    public async Task CleanupDefunctSiloEntriesAsync(DateTimeOffset beforeDate, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; attempt <= CleanupAttempts; attempt++)
        {
            if (await ReadDocumentAsync(cancellationToken) is not { } document)
            {
                return;
            }

            var defunct = new List<KeyValuePair<string, MembershipRow>>();
            foreach (var (key, row) in document.Rows)
            {
                var (entry, _) = await ToEntryAsync(row, cancellationToken);
                if (entry.Status != SiloStatus.Active && LastSignOfLife(entry) < beforeDate.UtcDateTime)
                {
                    defunct.Add(new(key, row));
                }
            }

            if (defunct.Count == 0)
            {
                return;
            }

            var data = document.With(document.Version, defunct.Select(d => Change(d.Key, null)));
            if (await configMaps.TryReplaceDataAsync(document.Source, data, cancellationToken) is null)
            {
                continue;
            }

            logger.LogInformation("Removed {Count} defunct silo rows from {ConfigMap}: {Silos}",
                defunct.Count, Objects.TableConfigMap, string.Join(", ", defunct.Select(d => d.Value.SiloAddress)));
            foreach (var (_, row) in defunct.Where(d => d.Value.Slot is not null))
            {
                await heartbeats.DeleteAsync(row.Slot!.Value, row.SiloAddress, cancellationToken);
            }

            return;
        }

        logger.LogWarning("Defunct silo cleanup of {ConfigMap} gave up after {Attempts} conflicting writes; the next cleanup period tries again",
            Objects.TableConfigMap, CleanupAttempts);
    }

    /// <summary>
    /// Deletes the membership table of <paramref name="clusterId"/> (named as this table would name it in that cluster)
    /// and every slot Lease. Orleans calls this from tests and tools, never while the cluster runs.
    /// </summary>
    public async Task DeleteMembershipTableEntriesAsync(string clusterId, CancellationToken cancellationToken = default)
    {
        var names = MembershipObjects.For(options, cluster.ServiceId, clusterId);
        await configMaps.DeleteAsync(names.TableConfigMap, cancellationToken);
        await Task.WhenAll(names.SlotLeases.Select(lease => heartbeats.DeleteAnyAsync(lease, cancellationToken)));
        logger.LogInformation("Deleted membership table {Namespace}/{ConfigMap} and its silo Leases", options.Namespace, names.TableConfigMap);
    }

    private static DateTime LastSignOfLife(MembershipEntry entry)
    {
        var times = new[] { entry.StartTime, entry.IAmAliveTime }.Concat(entry.SuspectTimes?.Select(v => v.Item2) ?? []);
        return times.Select(t => DateTime.SpecifyKind(t, DateTimeKind.Utc)).Max();
    }
}
