namespace Ccm.GrainInterfaces;

/// <summary>
/// The Classic Load Balancer of one Service. Key: <c>namespace/name</c> (<see cref="GrainKeys.Service"/>).
/// Signalled by the watcher when the Service, its EndpointSlices, or (for backends that depend on them) Nodes change;
/// a timer re-checks it every <c>--service-resync-period</c>, its first check spread at random over one period. It publishes <see cref="State.ServiceGrainState"/>.
/// </summary>
[Alias("Ccm.IServiceGrain")]
public interface IServiceGrain : IReconcilerGrain
{
}
