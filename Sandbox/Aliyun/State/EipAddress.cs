namespace Ccm.Sandbox.Aliyun.State;

/// <summary>An elastic IP. VPC's DescribeEipAddresses returns <c>Bandwidth</c> as a string (a v1-era field).</summary>
public sealed record EipAddress
{
    public required string AllocationId { get; init; }

    public required string IpAddress { get; init; }

    public required DateTimeOffset AllocationTime { get; init; }

    /// <summary><c>Available</c>, or <c>InUse</c> when bound to <see cref="InstanceId"/>.</summary>
    public string Status { get; init; } = "Available";

    public string? InstanceId { get; init; }

    /// <summary><c>EcsInstance</c>, <c>SlbInstance</c>, <c>NetworkInterface</c>… when bound.</summary>
    public string? InstanceType { get; init; }

    public string Bandwidth { get; init; } = "5";

    public string InternetChargeType { get; init; } = "PayByTraffic";

    public string Name { get; init; } = "";
}
