using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Slb;

public sealed partial class SlbClient
{
    public Task<VServerGroupAttributeResponse> CreateVServerGroupAsync(CreateVServerGroupRequest request, CancellationToken cancellationToken) =>
        Call(SlbActions.CreateVServerGroup, request, Json.VServerGroupAttributeResponse, cancellationToken);

    public async Task<IReadOnlyList<VServerGroup>> DescribeVServerGroupsAsync(DescribeVServerGroupsRequest request, CancellationToken cancellationToken) =>
        (await Call(SlbActions.DescribeVServerGroups, request, Json.DescribeVServerGroupsResponse, cancellationToken)).VServerGroups;

    public Task<VServerGroupAttributeResponse> DescribeVServerGroupAttributeAsync(string vServerGroupId, CancellationToken cancellationToken) =>
        Call(SlbActions.DescribeVServerGroupAttribute, new VServerGroupIdRequest(vServerGroupId), Json.VServerGroupAttributeResponse, cancellationToken);

    public Task<VServerGroupAttributeResponse> AddVServerGroupBackendServersAsync(VServerGroupBackendServersRequest request, CancellationToken cancellationToken) =>
        Call(SlbActions.AddVServerGroupBackendServers, request, Json.VServerGroupAttributeResponse, cancellationToken);

    public Task<VServerGroupAttributeResponse> RemoveVServerGroupBackendServersAsync(VServerGroupBackendServersRequest request, CancellationToken cancellationToken) =>
        Call(SlbActions.RemoveVServerGroupBackendServers, request, Json.VServerGroupAttributeResponse, cancellationToken);

    public Task<VServerGroupAttributeResponse> ModifyVServerGroupBackendServersAsync(ModifyVServerGroupBackendServersRequest request, CancellationToken cancellationToken) =>
        Call(SlbActions.ModifyVServerGroupBackendServers, request, Json.VServerGroupAttributeResponse, cancellationToken);

    public Task<VServerGroupAttributeResponse> SetVServerGroupAttributeAsync(SetVServerGroupAttributeRequest request, CancellationToken cancellationToken) =>
        Call(SlbActions.SetVServerGroupAttribute, request, Json.VServerGroupAttributeResponse, cancellationToken);

    public Task<OpenApiResponse> DeleteVServerGroupAsync(string vServerGroupId, CancellationToken cancellationToken) =>
        Call(SlbActions.DeleteVServerGroup, new VServerGroupIdRequest(vServerGroupId), Json.OpenApiResponse, cancellationToken);
}
