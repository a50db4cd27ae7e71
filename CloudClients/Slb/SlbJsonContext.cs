using System.Text.Json.Serialization;
using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Slb;

/// <summary>
/// Source-generated metadata for SLB responses. Item types are listed explicitly because they are reached through
/// <see cref="Json.WrappedListConverter{T}"/>, which the generator cannot see through. Numbers may arrive as strings
/// (older services, <c>Weight</c>), as the SDKs tolerate.
/// </summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(OpenApiResponse))]
[JsonSerializable(typeof(CreateLoadBalancerResponse))]
[JsonSerializable(typeof(DescribeLoadBalancersResponse))]
[JsonSerializable(typeof(DescribeLoadBalancerAttributeResponse))]
[JsonSerializable(typeof(ModifyLoadBalancerSpecResponse))]
[JsonSerializable(typeof(DescribeLoadBalancerListenersResponse))]
[JsonSerializable(typeof(DescribeVServerGroupsResponse))]
[JsonSerializable(typeof(VServerGroupAttributeResponse))]
[JsonSerializable(typeof(DescribeTagsResponse))]
[JsonSerializable(typeof(ListTagResourcesResponse))]
[JsonSerializable(typeof(CreateDomainExtensionResponse))]
[JsonSerializable(typeof(DescribeDomainExtensionsResponse))]
[JsonSerializable(typeof(DomainExtension))]
[JsonSerializable(typeof(LoadBalancer))]
[JsonSerializable(typeof(Listener))]
[JsonSerializable(typeof(VServerGroup))]
[JsonSerializable(typeof(AssociatedListener))]
[JsonSerializable(typeof(BackendServer))]
[JsonSerializable(typeof(ListenerPortAndProtocol))]
[JsonSerializable(typeof(ListenerPortAndProtocal))]
[JsonSerializable(typeof(TagSet))]
[JsonSerializable(typeof(TagResource))]
[JsonSerializable(typeof(Tag))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(string))]
internal sealed partial class SlbJsonContext : JsonSerializerContext;
