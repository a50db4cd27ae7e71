using Ccm.GrainInterfaces.State;

namespace Ccm.GrainInterfaces;

/// <summary>
/// One per silo (key <see cref="GrainKeys.Watcher"/> of the silo's address, placed on that silo): list+watches
/// Services, EndpointSlices and Nodes into the silo's cache and signals the grains a change affects that this silo
/// owns. Grains read the cache, never the event.
/// </summary>
[Alias("Ccm.IWatcherGrain")]
public interface IWatcherGrain : IGrainWithStringKey
{
    /// <summary>Cache sizes, sync state and fan-out counters, for the dashboard and readiness.</summary>
    [Alias("GetStatus")]
    Task<WatcherStatus> GetStatusAsync();
}
