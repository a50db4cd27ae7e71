using Ccm.GrainInterfaces;

namespace Ccm.Grains.Routes;

/// <summary>
/// The one writer of every node's <c>NetworkUnavailable</c> condition (key <see cref="NetworkConditionGrain.Key"/>). It
/// shares the route table grains' placement, so it runs on their silo and reads their <see cref="RouteCoverageBoard"/>;
/// each table grain signals it after its turn.
/// </summary>
[Alias("Ccm.INetworkConditionGrain")]
public interface INetworkConditionGrain : IReconcilerGrain
{
}
