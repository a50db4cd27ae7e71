namespace Ccm.Grains.Nodes;

/// <summary>
/// How long the silo's <see cref="InstanceBatcher"/> gathers lookups before it calls DescribeInstances. A batch is sent
/// as soon as it is full, when no request has come for <see cref="Quiet"/>, or <see cref="MaxWait"/> after its first
/// request, whichever is first. (Upstream waits a fixed second for up to 100 nodes.)
/// </summary>
public sealed record InstanceBatchOptions
{
    public TimeSpan Quiet { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxWait { get; init; } = TimeSpan.FromSeconds(1);
}
