using System.Text.Json.Serialization;
using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Vpc;

/// <summary>Source-generated metadata for VPC responses; item types listed for the wrapped-list reader.</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(OpenApiResponse))]
[JsonSerializable(typeof(DescribeRouteTableListResponse))]
[JsonSerializable(typeof(DescribeRouteEntryListResponse))]
[JsonSerializable(typeof(CreateRouteEntryResponse))]
[JsonSerializable(typeof(RouteEntriesResponse))]
[JsonSerializable(typeof(DescribeVpcsResponse))]
[JsonSerializable(typeof(DescribeVpcAttributeResponse))]
[JsonSerializable(typeof(DescribeVSwitchesResponse))]
[JsonSerializable(typeof(DescribeEipAddressesResponse))]
[JsonSerializable(typeof(AllocateEipAddressResponse))]
[JsonSerializable(typeof(RouteTable))]
[JsonSerializable(typeof(RouteEntry))]
[JsonSerializable(typeof(NextHop))]
[JsonSerializable(typeof(FailedRouteEntry))]
[JsonSerializable(typeof(Vpc))]
[JsonSerializable(typeof(VSwitch))]
[JsonSerializable(typeof(EipAddress))]
[JsonSerializable(typeof(Tag))]
[JsonSerializable(typeof(string))]
internal sealed partial class VpcJsonContext : JsonSerializerContext;
