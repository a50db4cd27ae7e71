using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Ecs;

/// <summary>
/// ModifyNetworkInterfaceAttribute: sets only what is given. The node controller sends <c>SourceDestCheck=false</c> for
/// a new node's primary ENI before it removes the cloud taint, so the VPC forwards pod traffic the node routes
/// (upstream <c>ModifyNetworkInterfaceSourceDestCheck</c>; skipped with <c>--skip-disable-source-dest-check</c>).
/// </summary>
public sealed record ModifyNetworkInterfaceAttributeRequest : IRpcRequest
{
    public required string NetworkInterfaceId { get; init; }

    public bool? SourceDestCheck { get; init; }

    /// <summary>2-128 characters, starting with a letter.</summary>
    public string? NetworkInterfaceName { get; init; }

    public string? Description { get; init; }

    void IRpcRequest.WriteTo(RpcParameters p) => p.Add("NetworkInterfaceId", NetworkInterfaceId).Add("SourceDestCheck", SourceDestCheck)
        .Add("NetworkInterfaceName", NetworkInterfaceName).Add("Description", Description);
}
