using System.Text.Json.Serialization;
using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Ecs;

/// <summary>Source-generated metadata for ECS responses; item types listed for the wrapped-list reader.</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(OpenApiResponse))]
[JsonSerializable(typeof(DescribeInstancesResponse))]
[JsonSerializable(typeof(DescribeNetworkInterfacesResponse))]
[JsonSerializable(typeof(Instance))]
[JsonSerializable(typeof(InstanceNetworkInterface))]
[JsonSerializable(typeof(PrivateIpSet))]
[JsonSerializable(typeof(Ipv6Set))]
[JsonSerializable(typeof(NetworkInterfaceSet))]
[JsonSerializable(typeof(Tag))]
[JsonSerializable(typeof(string))]
internal sealed partial class EcsJsonContext : JsonSerializerContext;
