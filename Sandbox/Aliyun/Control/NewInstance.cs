namespace Ccm.Sandbox.Aliyun.Control;

/// <summary>
/// An ECS instance for a test to add. Every field may be left out (or sent as null) and then gets its default: an id,
/// a free address in the first vSwitch, <c>ecs.g7.large</c>, <c>Running</c>, <c>PostPaid</c>, <c>NoSpot</c>. A value the
/// API would never report (an unknown status, an empty type) is refused with the field's name, never stored.
/// </summary>
public sealed record NewInstance
{
    public string? InstanceId { get; init; }

    public string? InstanceName { get; init; }

    /// <summary>Defaults to the first vSwitch of the region.</summary>
    public string? VSwitchId { get; init; }

    /// <summary>Defaults to the first free address from .20 of the vSwitch.</summary>
    public string? PrivateIpAddress { get; init; }

    /// <summary>Defaults to <c>ecs.g7.large</c>.</summary>
    public string? InstanceType { get; init; }

    /// <summary><c>Pending</c> | <c>Running</c> (default) | <c>Starting</c> | <c>Stopping</c> | <c>Stopped</c>.</summary>
    public string? Status { get; init; }

    /// <summary><c>PostPaid</c> (default) | <c>PrePaid</c>.</summary>
    public string? InstanceChargeType { get; init; }

    /// <summary><c>NoSpot</c> (default) | <c>SpotWithPriceLimit</c> | <c>SpotAsPriceGo</c>.</summary>
    public string? SpotStrategy { get; init; }

    /// <summary>ECS tags, e.g. the node pool's <c>ack.alibabacloud.com/nodepool-id</c>.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
