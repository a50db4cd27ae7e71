namespace Ccm.GrainInterfaces;

/// <summary>
/// One Node's ECS mapping: providerID, labels, addresses, the uninitialized and shutdown taints, deletion of Nodes
/// whose instance is gone. Key: the node name. A timer refreshes it every <c>--node-resync-period</c>.
/// It publishes <see cref="State.NodeGrainState"/>.
/// </summary>
[Alias("Ccm.INodeGrain")]
public interface INodeGrain : IReconcilerGrain
{
}
