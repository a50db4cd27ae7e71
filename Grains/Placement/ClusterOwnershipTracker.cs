using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Ccm.Grains.Placement;

/// <summary>Feeds <see cref="ClusterOwnership"/> from Orleans' membership updates for as long as the silo runs.</summary>
internal sealed partial class ClusterOwnershipTracker(
    IClusterMembershipService membership, ClusterOwnership ownership, ILogger<ClusterOwnershipTracker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
            {
                var active = snapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress).ToList();
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Cluster membership: {Count} active silos ({Silos})")]
    private partial void LogMembers(int count, string silos);
}
