namespace Ccm.GrainInterfaces.State;

/// <summary>A Node's ECS mapping as its grain last saw and made it.</summary>
public sealed record NodeGrainState : GrainState
{
    public string? InstanceId { get; init; }

    public string? ProviderId { get; init; }

    /// <summary>Where the providerID came from.</summary>
    public ProviderIdSource ProviderIdSource { get; init; }

    public string? RegionId { get; init; }

    public string? ZoneId { get; init; }

    public string? InstanceType { get; init; }

    /// <summary>The ECS status (Running, Stopped...), or null when unknown or gone.</summary>
    public string? InstanceStatus { get; init; }

    public bool Initialized { get; init; }

    /// <summary>Whether the node carries the <c>node.cloudprovider.kubernetes.io/shutdown</c> taint.</summary>
    public bool ShutdownTaint { get; init; }

    public IReadOnlyList<string> InternalIps { get; init; } = [];

    public IReadOnlyList<string> ExternalIps { get; init; } = [];
}

public enum ProviderIdSource
{
    Unknown,

    /// <summary>Set by the kubelet (<c>--provider-id</c>) or by hand.</summary>
    Kubelet,

    /// <summary>Found by us from the node's InternalIP and written once.</summary>
    LookedUpByIp,
}
