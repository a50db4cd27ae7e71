using System.Text.Json.Nodes;

namespace Ccm.Sandbox.Aliyun.Slb;

// Response bodies of the SLB actions, named after their action, with the appendix's field names and JSON types.

internal sealed record CreateLoadBalancerResponse(
    string RequestId, string LoadBalancerId, string Address, string LoadBalancerName, string VpcId, string VSwitchId,
    string NetworkType, string AddressIPVersion, string ResourceGroupId);

internal sealed record DescribeLoadBalancersResponse(string RequestId, int PageNumber, int PageSize, int TotalCount, LoadBalancerSet LoadBalancers);

internal sealed record ModifyLoadBalancerSpecResponse(string RequestId, long OrderId);

internal sealed record DescribeLoadBalancerListenersResponse(
    string RequestId, string NextToken, int MaxResults, int TotalCount, IReadOnlyList<JsonObject> Listeners);

internal sealed record VServerGroupBackendsResponse(string RequestId, string VServerGroupId, string? VServerGroupName, BackendServerSet BackendServers);

internal sealed record DescribeVServerGroupsResponse(string RequestId, VServerGroupSet VServerGroups);

internal sealed record DescribeVServerGroupAttributeResponse(
    string RequestId, string VServerGroupId, string VServerGroupName, string LoadBalancerId, string CreateTime,
    BackendServerSet BackendServers, SlbTagSet Tags);

internal sealed record DescribeTagsResponse(string RequestId, int PageNumber, int PageSize, int TotalCount, TagSetList TagSets);

internal sealed record ListTagResourcesResponse(string RequestId, string NextToken, TagResourceList TagResources);

internal sealed record CreateDomainExtensionResponse(string RequestId, int ListenerPort, string DomainExtensionId);

internal sealed record DescribeDomainExtensionsResponse(string RequestId, DomainExtensionSet DomainExtensions);
