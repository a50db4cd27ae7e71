using Ccm.Clustering.Kubernetes.Objects;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;

namespace Ccm.Clustering.Kubernetes.Membership;

/// <summary>
/// Orleans' membership table on Kubernetes objects. The rows and the table version live in one ConfigMap, whose
/// resourceVersion is the version's etag: InsertRow and UpdateRow check the caller's etag and the row's, then write the
/// row and the new version in one PUT conditioned on that resourceVersion, so both change together or not at all, and
/// a writer that lost the race gets 409 and answers false. IAmAlive goes to the silo's slot Lease
/// (<see cref="SiloHeartbeats"/>) and never moves the version or a row etag. Reads merge the two.
/// </summary>
public sealed partial class KubernetesMembershipTable : IMembershipTable
{
    private readonly ConfigMapClient configMaps;
    private readonly SiloHeartbeats heartbeats;
    private readonly KubernetesClusteringOptions options;
    private readonly ClusterOptions cluster;
    private readonly ILogger logger;

    /// <summary>Creates the table for the cluster in <paramref name="cluster"/>, talking to the API server through <paramref name="client"/>.</summary>
    public KubernetesMembershipTable(IKubernetes client, IOptions<KubernetesClusteringOptions> options, IOptions<ClusterOptions> cluster, ILogger<KubernetesMembershipTable> logger)
    {
        this.options = options.Value;
        this.cluster = cluster.Value;
        this.logger = logger;
        Objects = MembershipObjects.For(this.options, this.cluster.ServiceId, this.cluster.ClusterId);
        configMaps = new ConfigMapClient(client, this.options.Namespace);
        heartbeats = new SiloHeartbeats(new LeaseClient(client, this.options.Namespace), Objects, this.options);
    }

    /// <summary>The names of the objects this table uses.</summary>
    public MembershipObjects Objects { get; }

    /// <inheritdoc />
    public async Task InitializeMembershipTableAsync(bool tryInitTableVersion, CancellationToken cancellationToken = default)
    {
        if (!tryInitTableVersion)
        {
            return;
        }

        var table = new V1ConfigMap
        {
            Metadata = ObjectLabels.Metadata(options, Objects.TableConfigMap, "orleans-membership"),
            Data = MembershipDocument.Empty(),
        };
        var created = await configMaps.TryCreateAsync(table, cancellationToken);
        logger.LogInformation("Membership table {Namespace}/{ConfigMap} {Outcome}", options.Namespace, Objects.TableConfigMap, created ? "created" : "exists");
    }

    /// <inheritdoc />
    public async Task<MembershipTableData> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        if (await ReadDocumentAsync(cancellationToken) is not { } document)
        {
            return new MembershipTableData(Absent);
        }

        var rows = await Task.WhenAll(document.Rows.Values.Select(row => ToEntryAsync(row, cancellationToken)));
        return new MembershipTableData([.. rows], document.TableVersion);
    }

    /// <inheritdoc />
    public async Task<MembershipTableData> ReadRowAsync(SiloAddress key, CancellationToken cancellationToken = default)
    {
        if (await ReadDocumentAsync(cancellationToken) is not { } document)
        {
            return new MembershipTableData(Absent);
        }

        return document.Find(key) is { } row
            ? new MembershipTableData(await ToEntryAsync(row, cancellationToken), document.TableVersion)
            : new MembershipTableData(document.TableVersion);
    }

    /// <inheritdoc />
    public async Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion tableVersion, CancellationToken cancellationToken = default)
    {
        var document = await ReadDocumentAsync(cancellationToken);
        if (!IsCurrent(document, tableVersion, nameof(InsertRowAsync), entry.SiloAddress))
        {
            return false;
        }

        if (document.Find(entry.SiloAddress) is not null)
        {
            logger.LogDebug("InsertRow of {SiloAddress} refused: the row exists", entry.SiloAddress);
            return false;
        }

        var slot = document.FreeSlot(options.SiloSlots) ?? throw new KubernetesClusteringException(
            $"All {options.SiloSlots} silo slots of {Objects.TableConfigMap} are held by silos that are not Dead, so {entry.SiloAddress} cannot join. Raise SiloSlots (and the Role's Lease names with it).");
        var inserted = Change(MembershipRow.KeyOf(entry.SiloAddress), MembershipRow.From(entry, NewETag(), slot));
        return await TryWriteAsync(document, tableVersion, [inserted], nameof(InsertRowAsync), entry.SiloAddress, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion tableVersion, CancellationToken cancellationToken = default)
    {
        var document = await ReadDocumentAsync(cancellationToken);
        if (!IsCurrent(document, tableVersion, nameof(UpdateRowAsync), entry.SiloAddress))
        {
            return false;
        }

        if (document.Find(entry.SiloAddress) is not { } row || row.ETag != etag)
        {
            logger.LogDebug("UpdateRow of {SiloAddress} refused: the row is missing or its etag is not {ETag}", entry.SiloAddress, etag);
            return false;
        }

        var updated = Change(MembershipRow.KeyOf(entry.SiloAddress), MembershipRow.From(entry, NewETag(), row.Slot));
        if (!await TryWriteAsync(document, tableVersion, [updated], nameof(UpdateRowAsync), entry.SiloAddress, cancellationToken))
        {
            return false;
        }

        if (entry.Status == SiloStatus.Dead && row.Status != SiloStatus.Dead && row.Slot is { } slot)
        {
            await ReleaseSlotLeaseAsync(slot, row.SiloAddress, cancellationToken);
        }

        return true;
    }

    /// <summary>
    /// Deletes the slot Lease of a silo whose row now says Dead: a silo leaving gracefully (it writes its own row Dead)
    /// or one its peers declared dead. The row already frees the slot; the Lease would only linger until the defunct-silo
    /// cleanup, looking to an operator (and to <c>kubectl get leases</c>) like a silo still holding on. The row is written
    /// either way, so a failure here is logged, not thrown: Orleans would otherwise retry a write that already landed.
    /// </summary>
    private async Task ReleaseSlotLeaseAsync(int slot, string silo, CancellationToken cancellationToken)
    {
        try
        {
            await heartbeats.DeleteAsync(slot, silo, cancellationToken);
            logger.LogInformation("Released slot Lease {Lease} of {SiloAddress}: its row says Dead", Objects.SlotLease(slot), silo);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Could not release slot Lease {Lease} of {SiloAddress} (its row says Dead); the defunct-silo cleanup deletes it later",
                Objects.SlotLease(slot), silo);
        }
    }

    /// <inheritdoc />
    public async Task UpdateIAmAliveAsync(MembershipEntry entry, CancellationToken cancellationToken = default)
    {
        // The row is read for its slot on every heartbeat, not cached: a silo declared dead whose slot went to another
        // silo must not write over the new holder's heartbeat.
        if ((await ReadDocumentAsync(cancellationToken))?.Find(entry.SiloAddress) is not { Slot: { } slot } row || row.Status == SiloStatus.Dead)
        {
            logger.LogDebug("IAmAlive of {SiloAddress} not recorded: the silo holds no slot", entry.SiloAddress);
            return;
        }

        await heartbeats.WriteAsync(slot, row.SiloAddress, entry.IAmAliveTime, cancellationToken);
    }
}
