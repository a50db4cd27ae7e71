using Ccm.GrainInterfaces;
using Ccm.Runtime;

namespace Ccm.Grains.Routes;

/// <summary>
/// The one writer of every node's <c>NetworkUnavailable</c> condition (key <see cref="NetworkConditionGrain.Key"/>). It
/// shares the route table grains' shard, so it runs on their silo and reads their <see cref="RouteCoverageBoard"/>;
/// each table grain signals it after its turn.
/// </summary>
[ShardAffinity(GrainKeys.RouteShardGroup)]
public interface INetworkConditionGrain : IReconcilerGrain
{
}
