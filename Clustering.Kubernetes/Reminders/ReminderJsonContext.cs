using System.Text.Json.Serialization;

namespace Ccm.Clustering.Kubernetes.Reminders;

/// <summary>Source-generated JSON for reminder rows.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ReminderRow))]
internal sealed partial class ReminderJsonContext : JsonSerializerContext;
