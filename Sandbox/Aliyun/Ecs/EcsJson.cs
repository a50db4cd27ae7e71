using System.Text.Json.Serialization;

namespace Ccm.Sandbox.Aliyun.Ecs;

/// <summary>Source-generated serialisation of every ECS response.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DescribeInstancesResponse))]
[JsonSerializable(typeof(DescribeNetworkInterfacesResponse))]
internal sealed partial class EcsJson : JsonSerializerContext;
