using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Ccm.Sandbox.Aliyun.Protocol;

namespace Ccm.Sandbox.Aliyun.Slb;

/// <summary>Source-generated serialisation of every SLB response; names are written exactly as declared.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RequestIdResponse))]
[JsonSerializable(typeof(CreateLoadBalancerResponse))]
[JsonSerializable(typeof(DescribeLoadBalancersResponse))]
[JsonSerializable(typeof(DescribeLoadBalancerAttributeResponse))]
[JsonSerializable(typeof(ModifyLoadBalancerSpecResponse))]
[JsonSerializable(typeof(DescribeLoadBalancerListenersResponse))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(VServerGroupBackendsResponse))]
[JsonSerializable(typeof(DescribeVServerGroupsResponse))]
[JsonSerializable(typeof(DescribeVServerGroupAttributeResponse))]
[JsonSerializable(typeof(DescribeTagsResponse))]
[JsonSerializable(typeof(ListTagResourcesResponse))]
[JsonSerializable(typeof(CreateDomainExtensionResponse))]
[JsonSerializable(typeof(DescribeDomainExtensionsResponse))]
internal sealed partial class SlbJson : JsonSerializerContext;
