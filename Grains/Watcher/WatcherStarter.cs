using Ccm.GrainInterfaces;
using Ccm.Grains.Placement;
using Microsoft.Extensions.Hosting;

namespace Ccm.Grains.Watcher;

/// <summary>
/// Activates this silo's watcher grain once the silo has started (registered after Orleans, so it starts after it).
/// The watcher then stays active until the silo stops.
/// </summary>
internal sealed class WatcherStarter(IGrainFactory grains, ClusterOwnership ownership) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken) =>
        await grains.GetGrain<IWatcherGrain>(GrainKeys.Watcher(ownership.Self.ToParsableString())).GetStatusAsync().WaitAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
