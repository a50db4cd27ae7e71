namespace Ccm.Sandbox.Aliyun.Ecs;

// Response bodies of the ECS actions. With token paging (MaxResults/NextToken) PageNumber is absent and PageSize is the
// number of items returned: the CCM stops paging when NextToken is empty or PageSize < MaxResults, so PageSize must be
// filled on NextToken responses too.

internal sealed record DescribeInstancesResponse(string RequestId, string? NextToken, int? PageNumber, int PageSize, int TotalCount, InstanceSet Instances);

internal sealed record DescribeNetworkInterfacesResponse(
    string RequestId, string? NextToken, int? PageNumber, int PageSize, int TotalCount, NetworkInterfaceSetList NetworkInterfaceSets);
