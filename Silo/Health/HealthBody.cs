using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ccm.Silo.Health;

/// <summary>The JSON form of a probe answer.</summary>
public sealed record HealthBody(string Status, string? Reason, ImmutableArray<CheckOutcome> Checks);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HealthBody))]
internal sealed partial class HealthJsonContext : JsonSerializerContext;
