namespace Ccm.Silo.Options;

/// <summary>
/// Endpoint overrides the upstream CCM reads from its environment; the sandbox writes the same variables so a silo
/// started by hand joins it. Null means the product default (VPC-internal hosts of the region).
/// </summary>
public sealed record CloudEndpoints
{
    /// <summary><c>$SLB_ENDPOINT</c>: host (or host:port) of the SLB OpenAPI.</summary>
    public string? Slb { get; init; }

    /// <summary><c>$VPC_ENDPOINT</c>.</summary>
    public string? Vpc { get; init; }

    /// <summary><c>$ECS_ENDPOINT</c>.</summary>
    public string? Ecs { get; init; }

    /// <summary><c>$METADATA_ENDPOINT</c>: base address of the ECS instance metadata service (default http://100.100.100.200).</summary>
    public string? Metadata { get; init; }

    /// <summary><c>$ALICLOUD_CLIENT_SCHEME</c>: <c>https</c> (default) or <c>http</c>.</summary>
    public string Scheme { get; init; } = "https";
}
