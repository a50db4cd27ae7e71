using System.Diagnostics.CodeAnalysis;
using Ccm.Clustering.Kubernetes.Objects;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;

namespace Ccm.Clustering.Kubernetes.Membership;

/// <summary>Reading the table document, checking a caller's version etag, and writing changes in one conditional PUT.</summary>
public sealed partial class KubernetesMembershipTable
{
    /// <summary>What a missing table reads as: empty, version 0, an etag no write can match.</summary>
    private static readonly TableVersion Absent = new(0, "");

    private async Task<MembershipDocument?> ReadDocumentAsync(CancellationToken cancellationToken) =>
        await configMaps.TryGetAsync(Objects.TableConfigMap, cancellationToken) is { } map ? MembershipDocument.Parse(map) : null;

    private bool IsCurrent([NotNullWhen(true)] MembershipDocument? document, TableVersion expected, string operation, SiloAddress silo)
    {
        if (document is not null && document.ResourceVersion == expected.VersionEtag)
        {
            return true;
        }

        logger.LogDebug("{Operation} of {SiloAddress} refused: table version etag {ETag} is stale (table at {Current})",
            operation, silo, expected.VersionEtag, document?.TableVersion.ToString() ?? "absent");
        return false;
    }

    /// <summary>
    /// Writes the rows and <paramref name="version"/> in one PUT conditioned on the resourceVersion the document was
    /// read at. False when another writer changed the table since (409) or deleted it (404).
    /// </summary>
    private async Task<bool> TryWriteAsync(MembershipDocument document, TableVersion version, IEnumerable<KeyValuePair<string, MembershipRow?>> rows, string operation, SiloAddress silo, CancellationToken cancellationToken)
    {
        var data = document.With(version.Version, rows);
        ConfigMapSize.EnsureFits(Objects.TableConfigMap, data,
            "Dead rows are removed by Orleans' defunct-silo cleanup (ClusterMembershipOptions.DefunctSiloExpiration, MaxDefunctSiloEntries); shorten them.");
        if (await configMaps.TryReplaceDataAsync(document.Source, data, cancellationToken) is null)
        {
            logger.LogDebug("{Operation} of {SiloAddress} lost the race for table version {Version}", operation, silo, version.Version);
            return false;
        }

        return true;
    }

    /// <summary>
    /// The row as Orleans sees it: its IAmAlive is the newer of the row's and its slot Lease's. A Dead row's own time
    /// is final (the write that declared it dead carried the last heartbeat read), so reads cost one Lease GET per
    /// live silo, however many Dead rows wait for cleanup.
    /// </summary>
    private async Task<Tuple<MembershipEntry, string>> ToEntryAsync(MembershipRow row, CancellationToken cancellationToken)
    {
        var heartbeat = row.Status == SiloStatus.Dead ? null : await heartbeats.ReadAsync(row, cancellationToken);
        var iAmAlive = heartbeat is { } lease && lease > row.IAmAliveTime ? lease : row.IAmAliveTime;
        return Tuple.Create(row.ToEntry(iAmAlive), row.ETag);
    }

    private static KeyValuePair<string, MembershipRow?> Change(string key, MembershipRow? row) => new(key, row);

    private static string NewETag() => Guid.NewGuid().ToString("N");
}
