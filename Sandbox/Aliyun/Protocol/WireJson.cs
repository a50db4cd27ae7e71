using System.Text.Json.Serialization;

namespace Ccm.Sandbox.Aliyun.Protocol;

/// <summary>Source-generated serialisation of the bodies every product shares.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(RequestIdResponse))]
internal sealed partial class WireJson : JsonSerializerContext;
