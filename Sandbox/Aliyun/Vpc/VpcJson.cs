using System.Text.Json.Serialization;

namespace Ccm.Sandbox.Aliyun.Vpc;

/// <summary>Source-generated serialisation of every VPC response.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DescribeRouteTableListResponse))]
[JsonSerializable(typeof(DescribeRouteTablesResponse))]
[JsonSerializable(typeof(DescribeRouteEntryListResponse))]
[JsonSerializable(typeof(CreateRouteEntryResponse))]
[JsonSerializable(typeof(CreateRouteEntriesResponse))]
[JsonSerializable(typeof(DeleteRouteEntriesResponse))]
[JsonSerializable(typeof(DescribeVpcsResponse))]
[JsonSerializable(typeof(DescribeVpcAttributeResponse))]
[JsonSerializable(typeof(DescribeVSwitchesResponse))]
[JsonSerializable(typeof(DescribeEipAddressesResponse))]
[JsonSerializable(typeof(AllocateEipAddressResponse))]
internal sealed partial class VpcJson : JsonSerializerContext;
