namespace Ccm.Sandbox.Aliyun.Control;

/// <summary>An ECS instance for a test to add; unset fields get defaults (an id, a free address in the first vSwitch).</summary>
public sealed record NewInstance
{
    public string? InstanceId { get; init; }

    public string? InstanceName { get; init; }

    /// <summary>Defaults to the first vSwitch of the region.</summary>
    public string? VSwitchId { get; init; }

    /// <summary>Defaults to the first free address from .20 of the vSwitch.</summary>
    public string? PrivateIpAddress { get; init; }

    public string InstanceType { get; init; } = "ecs.g7.large";

    public string Status { get; init; } = "Running";

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
