using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Vpc;

/// <summary>
/// AllocateEipAddress. <see cref="ClientToken"/> is required here (optional in the API): derive it from the owner and
/// purpose (e.g. Service UID + "eip") so a retry after a lost response, or a restarted silo, gets the same EIP back.
/// </summary>
public sealed record AllocateEipAddressRequest : IRpcRequest
{
    public required string ClientToken { get; init; }

    /// <summary>Mbit/s as the API takes it, a string; default 5.</summary>
    public string? Bandwidth { get; init; }

    /// <summary><c>PayByBandwidth</c> (default) | <c>PayByTraffic</c>.</summary>
    public string? InternetChargeType { get; init; }

    /// <summary><c>PostPaid</c> (default) | <c>PrePaid</c> (needs <c>PayByBandwidth</c>, and places an order).</summary>
    public string? InstanceChargeType { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    /// <summary>Line type, <c>BGP</c> by default.</summary>
    public string? ISP { get; init; }

    public string? ResourceGroupId { get; init; }

    /// <summary>Sent as <c>Tag.N.Key</c>/<c>Tag.N.Value</c>, so ownership marks exist from the first instant.</summary>
    public IReadOnlyList<Tag>? Tags { get; init; }

    void IRpcRequest.WriteTo(RpcParameters p) => p.Add("ClientToken", ClientToken).Add("Bandwidth", Bandwidth)
        .Add("InternetChargeType", InternetChargeType).Add("InstanceChargeType", InstanceChargeType).Add("Name", Name)
        .Add("Description", Description).Add("ISP", ISP).Add("ResourceGroupId", ResourceGroupId).AddTags(Tags);
}

public sealed record AllocateEipAddressResponse : OpenApiResponse
{
    public string AllocationId { get; init; } = "";

    /// <summary>The public address.</summary>
    public string EipAddress { get; init; } = "";

    public string? ResourceGroupId { get; init; }

    /// <summary>Only for a <c>PrePaid</c> EIP.</summary>
    public long? OrderId { get; init; }
}

/// <summary>
/// AssociateEipAddress: binds an Available EIP to <c>SlbInstance</c> (a CLB in a VPC), <c>EcsInstance</c> (the API's
/// default), <c>NetworkInterface</c>, <c>Nat</c> or <c>HaVip</c>. Asynchronous (<c>Associating</c>, then <c>InUse</c>).
/// <see cref="ClientToken"/> is required here: a repeat returns the first outcome. Derive it from the EIP, the target and
/// the intent, not from the target alone, or a re-association after someone else unbound it would be answered from the
/// first call and do nothing.
/// </summary>
public sealed record AssociateEipAddressRequest(string AllocationId, string InstanceId, string InstanceType) : IRpcRequest
{
    public required string ClientToken { get; init; }

    /// <summary>An address of the target's vSwitch (ENIs and ECS instances only).</summary>
    public string? PrivateIpAddress { get; init; }

    /// <summary><c>NAT</c> | <c>MULTI_BINDED</c> | <c>BINDED</c>; for <c>NetworkInterface</c> targets only.</summary>
    public string? Mode { get; init; }

    void IRpcRequest.WriteTo(RpcParameters p) => p.Add("ClientToken", ClientToken).Add("AllocationId", AllocationId)
        .Add("InstanceId", InstanceId).Add("InstanceType", InstanceType).Add("PrivateIpAddress", PrivateIpAddress).Add("Mode", Mode);
}

/// <summary>
/// UnassociateEipAddress: asynchronous (<c>Unassociating</c>, then <c>Available</c>). Naming the instance and type makes
/// the call fail (<c>InvalidBindingStatus</c>) rather than unbind an EIP someone has moved elsewhere.
/// </summary>
public sealed record UnassociateEipAddressRequest(string AllocationId) : IRpcRequest
{
    public required string ClientToken { get; init; }

    public string? InstanceId { get; init; }

    public string? InstanceType { get; init; }

    /// <summary>Unbind from a NAT gateway even when DNAT/SNAT entries use the EIP.</summary>
    public bool? Force { get; init; }

    void IRpcRequest.WriteTo(RpcParameters p) => p.Add("ClientToken", ClientToken).Add("AllocationId", AllocationId)
        .Add("InstanceId", InstanceId).Add("InstanceType", InstanceType).Add("Force", Force);
}

/// <summary>Addresses one EIP (ReleaseEipAddress).</summary>
internal sealed record AllocationIdRequest(string AllocationId) : IRpcRequest
{
    void IRpcRequest.WriteTo(RpcParameters p) => p.Add("AllocationId", AllocationId);
}
