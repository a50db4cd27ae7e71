using System.Collections.Immutable;

namespace Ccm.Sandbox.Aliyun.State;

/// <summary>
/// An elastic IP. Association, unassociation and release are asynchronous in the real VPC: the EIP reports
/// <c>Associating</c>, <c>Unassociating</c> or <c>Releasing</c> until <see cref="EipTransition.Until"/>, and meanwhile
/// refuses every change but a query. As with route entries, the state is computed from the clock when read
/// (<see cref="At"/>), so no timer moves it along. DescribeEipAddresses returns <c>Bandwidth</c> as a string.
/// </summary>
public sealed record EipAddress
{
    public required string AllocationId { get; init; }

    public required string IpAddress { get; init; }

    public required DateTimeOffset AllocationTime { get; init; }

    /// <summary>The resource it is bound to (kept while <c>Unassociating</c>, as the API still shows it then).</summary>
    public string? InstanceId { get; init; }

    /// <summary><c>EcsInstance</c>, <c>SlbInstance</c>, <c>NetworkInterface</c>… when bound.</summary>
    public string? InstanceType { get; init; }

    public string Bandwidth { get; init; } = "5";

    /// <summary><c>PayByBandwidth</c> (the API's default) or <c>PayByTraffic</c>.</summary>
    public string InternetChargeType { get; init; } = "PayByBandwidth";

    /// <summary><c>PostPaid</c> or <c>PrePaid</c> (a subscription EIP cannot be released).</summary>
    public string InstanceChargeType { get; init; } = "PostPaid";

    public string Name { get; init; } = "";

    public string Description { get; init; } = "";

    public string ISP { get; init; } = "BGP";

    public string ResourceGroupId { get; init; } = "rg-acfmsandbox0000001";

    public ImmutableArray<ResourceTag> Tags { get; init; } = [];

    /// <summary>The change under way, if any.</summary>
    public EipTransition? Transition { get; init; }

    /// <summary><c>Available</c>, <c>InUse</c>, or the transition's status while it lasts.</summary>
    public string Status(DateTimeOffset now) =>
        Transition is { } t && now < t.Until ? t.Status : At(now) is { InstanceId: not null } ? "InUse" : "Available";

    /// <summary>This EIP as it is at <paramref name="now"/>: a settled transition applied, or null once released.</summary>
    public EipAddress? At(DateTimeOffset now) => Transition switch
    {
        null => this,
        { } t when now < t.Until => this,
        { Status: EipTransition.Releasing } => null,
        { Status: EipTransition.Unassociating } => this with { InstanceId = null, InstanceType = null, Transition = null },
        _ => this with { Transition = null },
    };
}

/// <summary>An asynchronous EIP change: its status (<see cref="Associating"/>, …) and when it settles.</summary>
public sealed record EipTransition(string Status, DateTimeOffset Until)
{
    public const string Associating = "Associating";
    public const string Unassociating = "Unassociating";
    public const string Releasing = "Releasing";
}
