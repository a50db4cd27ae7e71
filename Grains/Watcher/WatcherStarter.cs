using Ccm.GrainInterfaces;
using Ccm.Grains.Placement;

namespace Ccm.Grains.Watcher;

/// <summary>
/// Activates this silo's watcher grain when the silo becomes Active (a step of the silo's own start, so it runs
/// whenever the silo starts, however late). The watcher then stays active until the silo stops.
/// </summary>
internal sealed class WatcherStarter(IGrainFactory grains, ClusterOwnership ownership) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe<WatcherStarter>(ServiceLifecycleStage.Active, async cancellationToken =>
            await grains.GetGrain<IWatcherGrain>(GrainKeys.Watcher(ownership.Self.ToParsableString())).GetStatusAsync().WaitAsync(cancellationToken));
}
