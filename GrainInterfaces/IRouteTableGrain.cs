namespace Ccm.GrainInterfaces;

/// <summary>
/// Every pod-CIDR route in one VPC route table. Key: the route table id (<c>vtb-...</c>). A reminder runs it every
/// <c>--route-reconciliation-period</c>. All route table grains are placed on one silo (the owner of the route group),
/// so that their writes to one VPC go one at a time and they can agree on each Node's <c>NetworkUnavailable</c>
/// condition, which needs the node's route in every table. It publishes <see cref="State.RouteTableGrainState"/>.
/// </summary>
[Alias("Ccm.IRouteTableGrain")]
public interface IRouteTableGrain : IReconcilerGrain
{
}
