using Ccm.GrainInterfaces.State;
using Ccm.Runtime;

namespace Ccm.GrainInterfaces;

/// <summary>
/// One per silo (<see cref="SiloLocalAttribute"/>, key <see cref="GrainKeys.Watcher"/>): list+watches Services,
/// EndpointSlices and Nodes into the silo's cache and signals only the grains a change affects. Grains read the
/// cache, never the event.
/// </summary>
[SiloLocal]
public interface IWatcherGrain : IGrainWithStringKey
{
    /// <summary>Cache sizes, sync state and fan-out counters, for the dashboard and readiness.</summary>
    Task<WatcherStatus> GetStatusAsync();
}
