using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Ccm.Grains.Placement;

/// <summary>
/// Feeds <see cref="ClusterOwnership"/> from Orleans' membership updates for as long as the silo runs. A silo that is
/// stopping still owns its keys until it is Dead: its grains stay active there until its stop has deactivated them, so a
/// survivor that woke its inherited keys any earlier would signal those old activations, which the stop then discards.
/// </summary>
internal sealed partial class ClusterOwnershipTracker(
    IClusterMembershipService membership, ClusterOwnership ownership, ILogger<ClusterOwnershipTracker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
            {
                var active = snapshot.Members.Values.Where(m => HostsGrains(m.Status)).Select(m => m.SiloAddress).ToList();
                var before = ownership.Active.Count;
                ownership.Update(active);
                if (ownership.Active.Count != before)
                {
                    LogMembers(ownership.Active.Count, string.Join(", ", ownership.Active));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private static bool HostsGrains(SiloStatus status) => status is SiloStatus.Active or SiloStatus.ShuttingDown or SiloStatus.Stopping;

    [LoggerMessage(Level = LogLevel.Information, Message = "Cluster membership: {Count} active silos ({Silos})")]
    private partial void LogMembers(int count, string silos);
}
