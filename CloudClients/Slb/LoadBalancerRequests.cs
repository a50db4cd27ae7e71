using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Slb;

/// <summary>
/// CreateLoadBalancer. <see cref="ClientToken"/> is required here (the API makes it optional): derive it from the
/// Service UID so a retry after a lost response, or a restarted silo, gets the same load balancer back.
/// </summary>
public sealed record CreateLoadBalancerRequest : IRpcRequest
{
    public required string ClientToken { get; init; }

    public string? LoadBalancerName { get; init; }

    public string? AddressType { get; init; }

    public string? VpcId { get; init; }

    public string? VSwitchId { get; init; }

    public string? LoadBalancerSpec { get; init; }

    public string? InstanceChargeType { get; init; }

    public string? InternetChargeType { get; init; }

    public int? Bandwidth { get; init; }

    public string? PayType { get; init; }

    public string? MasterZoneId { get; init; }

    public string? SlaveZoneId { get; init; }

    public string? Address { get; init; }

    public string? AddressIPVersion { get; init; }

    public string? ResourceGroupId { get; init; }

    public string? DeleteProtection { get; init; }

    public string? ModificationProtectionStatus { get; init; }

    public string? ModificationProtectionReason { get; init; }

    /// <summary>Sent as <c>Tag.N.Key</c>/<c>Tag.N.Value</c>, so ownership tags exist from the first instant.</summary>
    public IReadOnlyList<Tag>? Tags { get; init; }

    void IRpcRequest.WriteTo(RpcParameters p) => p
        .Add("ClientToken", ClientToken).Add("LoadBalancerName", LoadBalancerName).Add("AddressType", AddressType)
        .Add("VpcId", VpcId).Add("VSwitchId", VSwitchId).Add("LoadBalancerSpec", LoadBalancerSpec)
        .Add("InstanceChargeType", InstanceChargeType).Add("InternetChargeType", InternetChargeType).Add("Bandwidth", Bandwidth)
        .Add("PayType", PayType).Add("MasterZoneId", MasterZoneId).Add("SlaveZoneId", SlaveZoneId).Add("Address", Address)
        .Add("AddressIPVersion", AddressIPVersion).Add("ResourceGroupId", ResourceGroupId).Add("DeleteProtection", DeleteProtection)
        .Add("ModificationProtectionStatus", ModificationProtectionStatus).Add("ModificationProtectionReason", ModificationProtectionReason)
        .AddTags(Tags);
}

/// <summary>DescribeLoadBalancers filters. Paging is done by the client (PageNumber/PageSize, max 100).</summary>
public sealed record DescribeLoadBalancersRequest : IRpcRequest
{
    /// <summary>Comma list of at most 10 ids, as the API takes it; we join the list.</summary>
    public IReadOnlyList<string>? LoadBalancerIds { get; init; }

    public string? LoadBalancerName { get; init; }

    public string? VpcId { get; init; }

    public string? VSwitchId { get; init; }

    public string? AddressType { get; init; }

    public string? NetworkType { get; init; }

    public string? Address { get; init; }

    public string? ServerId { get; init; }

    public string? LoadBalancerStatus { get; init; }

    public string? ResourceGroupId { get; init; }

    /// <summary>Sent as the <c>Tags</c> JSON string: how the CCM finds the load balancers it owns.</summary>
    public IReadOnlyList<Tag>? Tags { get; init; }

    /// <summary>Items per page, 1-100.</summary>
    public int PageSize { get; init; } = 100;

    void IRpcRequest.WriteTo(RpcParameters p) => p
        .Add("LoadBalancerId", LoadBalancerIds is null ? null : string.Join(',', LoadBalancerIds))
        .Add("LoadBalancerName", LoadBalancerName).Add("VpcId", VpcId).Add("VSwitchId", VSwitchId).Add("AddressType", AddressType)
        .Add("NetworkType", NetworkType).Add("Address", Address).Add("ServerId", ServerId).Add("LoadBalancerStatus", LoadBalancerStatus)
        .Add("ResourceGroupId", ResourceGroupId).Add("Tags", JsonParameters.Tags(Tags));
}

/// <summary>Addresses one load balancer (DeleteLoadBalancer, DescribeLoadBalancerAttribute).</summary>
internal sealed record LoadBalancerIdRequest(string LoadBalancerId) : IRpcRequest
{
    void IRpcRequest.WriteTo(RpcParameters p) => p.Add("LoadBalancerId", LoadBalancerId);
}

/// <summary>SetLoadBalancerDeleteProtection: <c>on</c> | <c>off</c>.</summary>
public sealed record SetLoadBalancerDeleteProtectionRequest(string LoadBalancerId, string DeleteProtection) : IRpcRequest
{
    void IRpcRequest.WriteTo(RpcParameters p) => p.Add("LoadBalancerId", LoadBalancerId).Add("DeleteProtection", DeleteProtection);
}

/// <summary>SetLoadBalancerModificationProtection: <c>NonProtection</c> | <c>ConsoleProtection</c> (upstream reason <c>managed.by.ack</c>).</summary>
public sealed record SetLoadBalancerModificationProtectionRequest(string LoadBalancerId, string ModificationProtectionStatus, string? ModificationProtectionReason = null)
    : IRpcRequest
{
    void IRpcRequest.WriteTo(RpcParameters p) => p.Add("LoadBalancerId", LoadBalancerId)
        .Add("ModificationProtectionStatus", ModificationProtectionStatus).Add("ModificationProtectionReason", ModificationProtectionReason);
}

public sealed record SetLoadBalancerNameRequest(string LoadBalancerId, string LoadBalancerName) : IRpcRequest
{
    void IRpcRequest.WriteTo(RpcParameters p) => p.Add("LoadBalancerId", LoadBalancerId).Add("LoadBalancerName", LoadBalancerName);
}

/// <summary>ModifyLoadBalancerInternetSpec: billing of an internet load balancer (bandwidth only with <c>paybybandwidth</c>).</summary>
public sealed record ModifyLoadBalancerInternetSpecRequest(string LoadBalancerId, string? InternetChargeType, int? Bandwidth, bool? AutoPay = null) : IRpcRequest
{
    void IRpcRequest.WriteTo(RpcParameters p) => p.Add("LoadBalancerId", LoadBalancerId)
        .Add("InternetChargeType", InternetChargeType).Add("Bandwidth", Bandwidth).Add("AutoPay", AutoPay);
}

/// <summary>ModifyLoadBalancerInstanceSpec: the PayBySpec spec (<c>slb.s1.small</c> ...).</summary>
public sealed record ModifyLoadBalancerInstanceSpecRequest(string LoadBalancerId, string LoadBalancerSpec, bool? AutoPay = null) : IRpcRequest
{
    void IRpcRequest.WriteTo(RpcParameters p) => p.Add("LoadBalancerId", LoadBalancerId).Add("LoadBalancerSpec", LoadBalancerSpec).Add("AutoPay", AutoPay);
}

/// <summary>
/// ModifyLoadBalancerInstanceChargeType. The API documents <c>PayByCLCU</c> as the only valid target (pay-as-you-go CLBs
/// move from PayBySpec to PayByCLCU, never back); upstream also sends <c>PayBySpec</c> with a spec, which the service
/// refuses. <c>InternetChargeType</c> may only be <c>paybytraffic</c>; spec and bandwidth need not be set.
/// </summary>
public sealed record ModifyLoadBalancerInstanceChargeTypeRequest(string LoadBalancerId, string InstanceChargeType) : IRpcRequest
{
    public string? LoadBalancerSpec { get; init; }

    public string? InternetChargeType { get; init; }

    public int? Bandwidth { get; init; }

    void IRpcRequest.WriteTo(RpcParameters p) => p.Add("LoadBalancerId", LoadBalancerId).Add("InstanceChargeType", InstanceChargeType)
        .Add("LoadBalancerSpec", LoadBalancerSpec).Add("InternetChargeType", InternetChargeType).Add("Bandwidth", Bandwidth);
}
