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

    /// <summary>
    /// Every row of the membership table (Active first, then by status; newest first within one). When the table cannot
    /// be read in time, this silo's own membership view stands in (no start or heartbeat times) with the reason.
    /// </summary>
    public async Task<(IReadOnlyList<MemberRow> Rows, string? Error)> RowsAsync(CancellationToken cancellationToken)
    {
        if (sources.Grains is not { } grains)
        {
            return ([], null);
        }

        try
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: false, cancellationToken).WaitAsync(Timeout, cancellationToken);
            return ([.. hosts.OrderBy(h => Rank(h.Status)).ThenByDescending(h => h.StartTime).Select(h => Row(h.SiloAddress, h.SiloName, h.Status) with
            {
                HostName = h.HostName,
                StartedAt = Utc(h.StartTime),
                IAmAliveAt = Utc(h.IAmAliveTime),
            })], null);
        }
        catch (Exception e) when (e is TimeoutException or OrleansException)
        {
            var members = sources.Membership?.CurrentSnapshot.Members.Values ?? [];
            return ([.. members.OrderBy(m => Rank(m.Status)).Select(m => Row(m.SiloAddress, m.Name, m.Status))],
                $"the membership table could not be read ({e.Message}); the rows are this silo's membership view");
        }
    }

    private MemberRow Row(SiloAddress silo, string name, SiloStatus status) => new()
    {
        Address = silo.ToParsableString(),
        Name = name,
        Status = status.ToString(),
        IsSelf = silo.Equals(sources.Self),
        Dashboard = Dashboard(silo),
    };

    private static int Rank(SiloStatus status) => status == SiloStatus.Active ? 0 : 1 + (int)status;

    private string? Dashboard(SiloAddress silo) =>
        metadata.Value?.GetSiloMetadata(silo).Metadata.TryGetValue(DashboardAddress.MetadataKey, out var url) == true && url.Length > 0 ? url : null;

    private static DateTimeOffset? Utc(DateTime at) => at == default ? null : new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
