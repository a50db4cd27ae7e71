using Ccm.Silo.Dashboard.Model;
using Orleans;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService.SiloMetadata;

namespace Ccm.Silo.Dashboard.Local;

/// <summary>
/// The cluster's silos for the dashboard: from Orleans' management grain (the membership table's rows: status, start
/// time, heartbeat) and each silo's metadata (where its dashboard answers, <see cref="DashboardAddress.MetadataKey"/>).
/// </summary>
internal sealed class ClusterMembers(DashboardSources sources, IServiceProvider services)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private readonly Lazy<ISiloMetadataCache?> metadata = new(() => (ISiloMetadataCache?)services.GetService(typeof(ISiloMetadataCache)));

    /// <summary>Active peers (not this silo) and their dashboards, from this silo's membership view.</summary>
    public IReadOnlyList<SiloMember> Peers()
    {
        if (sources.Membership is not { } membership || sources.Self is not { } self)
        {
            return [];
        }

        return [.. membership.CurrentSnapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active && !m.SiloAddress.Equals(self))
            .Select(m => new SiloMember(m.Name, Dashboard(m.SiloAddress), IsSelf: false))];
    }

    /// <summary>Every row of the membership table, newest first within a status.</summary>
    public async Task<IReadOnlyList<MemberRow>> RowsAsync(CancellationToken cancellationToken)
    {
        if (sources.Grains is not { } grains)
        {
            return [];
        }

        var hosts = await grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: false, cancellationToken).WaitAsync(Timeout, cancellationToken);
        return [.. hosts.OrderBy(h => h.Status).ThenByDescending(h => h.StartTime).Select(h => new MemberRow
        {
            Address = h.SiloAddress.ToParsableString(),
            Name = h.SiloName,
            Status = h.Status.ToString(),
            HostName = h.HostName,
            StartedAt = Utc(h.StartTime),
            IAmAliveAt = Utc(h.IAmAliveTime),
            Dashboard = Dashboard(h.SiloAddress),
        })];
    }

    private string? Dashboard(SiloAddress silo) =>
        metadata.Value?.GetSiloMetadata(silo).Metadata.TryGetValue(DashboardAddress.MetadataKey, out var url) == true && url.Length > 0 ? url : null;

    private static DateTimeOffset? Utc(DateTime at) => at == default ? null : new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
