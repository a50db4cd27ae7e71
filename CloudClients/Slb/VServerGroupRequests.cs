using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Slb;

/// <summary>CreateVServerGroup. The CCM creates groups empty and adds members in batches afterwards.</summary>
public sealed record CreateVServerGroupRequest : IRpcRequest
{
    public required string LoadBalancerId { get; init; }

    /// <summary>The CCM's ownership key <c>k8s/&lt;port&gt;/&lt;svc&gt;/&lt;ns&gt;/&lt;clusterID&gt;</c>.</summary>
    public string? VServerGroupName { get; init; }

    /// <summary>At most 20 (documented limit); use AddVServerGroupBackendServers for more.</summary>
    public IReadOnlyList<BackendServer>? BackendServers { get; init; }

    public IReadOnlyList<Tag>? Tags { get; init; }

    void IRpcRequest.WriteTo(RpcParameters p) => p.Add("LoadBalancerId", LoadBalancerId).Add("VServerGroupName", VServerGroupName)
        .Add("BackendServers", JsonParameters.BackendServers(BackendServers)).AddTags(Tags);
}

/// <summary>DescribeVServerGroups of one load balancer (not paged by the API).</summary>
public sealed record DescribeVServerGroupsRequest : IRpcRequest
{
    public required string LoadBalancerId { get; init; }

    public bool? IncludeRule { get; init; }

    public bool? IncludeListener { get; init; }

    public string? Description { get; init; }

    void IRpcRequest.WriteTo(RpcParameters p) => p.Add("LoadBalancerId", LoadBalancerId)
        .Add("IncludeRule", IncludeRule).Add("IncludeListener", IncludeListener).Add("Description", Description);
}

/// <summary>Addresses one vServer group (DescribeVServerGroupAttribute, DeleteVServerGroup).</summary>
internal sealed record VServerGroupIdRequest(string VServerGroupId) : IRpcRequest
{
    void IRpcRequest.WriteTo(RpcParameters p) => p.Add("VServerGroupId", VServerGroupId);
}

/// <summary>
/// Add- / RemoveVServerGroupBackendServers. At most 20 members per call are documented; split larger lists with
/// <see cref="BackendServerBatches"/> or call <c>AddVServerGroupBackendServersInBatchesAsync</c>.
/// </summary>
public sealed record VServerGroupBackendServersRequest(string VServerGroupId, IReadOnlyList<BackendServer> BackendServers) : IRpcRequest
{
    void IRpcRequest.WriteTo(RpcParameters p) => p.Add("VServerGroupId", VServerGroupId)
        .Add("BackendServers", JsonParameters.BackendServers(BackendServers));
}

/// <summary>ModifyVServerGroupBackendServers: replaces <c>OldBackendServers</c> with <c>NewBackendServers</c> in one call.</summary>
public sealed record ModifyVServerGroupBackendServersRequest(
    string VServerGroupId, IReadOnlyList<BackendServer> OldBackendServers, IReadOnlyList<BackendServer> NewBackendServers) : IRpcRequest
{
    void IRpcRequest.WriteTo(RpcParameters p) => p.Add("VServerGroupId", VServerGroupId)
        .Add("OldBackendServers", JsonParameters.BackendServers(OldBackendServers))
        .Add("NewBackendServers", JsonParameters.BackendServers(NewBackendServers));
}

/// <summary>SetVServerGroupAttribute: rename, and/or change weight/description of <b>existing</b> members.</summary>
public sealed record SetVServerGroupAttributeRequest : IRpcRequest
{
    public required string VServerGroupId { get; init; }

    public string? VServerGroupName { get; init; }

    public IReadOnlyList<BackendServer>? BackendServers { get; init; }

    void IRpcRequest.WriteTo(RpcParameters p) => p.Add("VServerGroupId", VServerGroupId).Add("VServerGroupName", VServerGroupName)
        .Add("BackendServers", JsonParameters.BackendServers(BackendServers));
}
