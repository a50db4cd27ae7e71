using Ccm.GrainInterfaces;
using Ccm.Runtime;
using Microsoft.Extensions.Hosting;

namespace Ccm.Grains.Watcher;

/// <summary>
/// Activates this silo's watcher grain once the runtime has started (it must be registered after the runtime, so
/// it starts after it). The watcher then stays active until the silo stops.
/// </summary>
internal sealed class WatcherStarter(IGrainFactory grains) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken) =>
        await grains.GetGrain<IWatcherGrain>(GrainKeys.Watcher).GetStatusAsync().WaitAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
