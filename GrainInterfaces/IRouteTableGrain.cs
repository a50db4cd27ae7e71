using Ccm.Runtime;

namespace Ccm.GrainInterfaces;

/// <summary>
/// Every pod-CIDR route in one VPC route table. Key: the route table id (<c>vtb-...</c>). A reminder runs it every
/// <c>--route-reconciliation-period</c>. All route table grains share one shard (<see cref="ShardAffinityAttribute"/>)
/// so that they live on one silo and can agree on each Node's <c>NetworkUnavailable</c> condition, which needs the
/// node's route in every table. It publishes <see cref="State.RouteTableGrainState"/>.
/// </summary>
[ShardAffinity(GrainKeys.RouteShardGroup)]
public interface IRouteTableGrain : IReconcilerGrain
{
}
