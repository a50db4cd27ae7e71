namespace Ccm.Grains.Nodes;

/// <summary>
/// How long the silo's <see cref="InstanceBatcher"/> gathers lookups before it calls DescribeInstances. A batch is sent
/// as soon as it is full, when no request has come for <see cref="Quiet"/>, or <see cref="MaxWait"/> after its first
/// request, whichever is first. (Upstream waits a fixed second for up to 100 nodes.)
/// In a scale-up the lookups do not arrive together: the watcher signals new grains one watch event at a time while
/// earlier grains write their Nodes within the Kubernetes client's QPS limit (20 by default), and a busy control plane
/// pauses for a second or more. Two seconds of quiet and ten of waiting let them fill batches of
/// 100 (300 new Nodes, 3 calls; measured with the real silo in Tests/EndToEnd.Tests/Nodes), at the cost of two seconds'
/// delay for a lone new Node, which is small beside a kubelet's own start.
/// </summary>
public sealed record InstanceBatchOptions
{
    public TimeSpan Quiet { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxWait { get; init; } = TimeSpan.FromSeconds(10);
}
