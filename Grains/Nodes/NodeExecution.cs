using Ccm.GrainInterfaces.State;
using k8s;
using k8s.Models;

namespace Ccm.Grains.Nodes;

/// <summary>How applying a plan went.</summary>
/// <param name="Operations">Each operation with its outcome, in plan order (NotApplied after the first failure).</param>
/// <param name="Node">The Node as the last successful write returned it (the input when nothing was written).</param>
/// <param name="Deleted">The Node was deleted.</param>
/// <param name="Events">The Events recorded while applying.</param>
/// <param name="Failure">The first failure, if any.</param>
public sealed record NodeExecution(
    IReadOnlyList<OperationRecord> Operations, V1Node Node, bool Deleted, IReadOnlyList<GrainEventRecord> Events, Exception? Failure);
