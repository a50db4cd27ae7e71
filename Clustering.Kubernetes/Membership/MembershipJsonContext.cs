using System.Text.Json.Serialization;

namespace Ccm.Clustering.Kubernetes.Membership;

/// <summary>Source-generated JSON for membership rows; statuses as names, so kubectl shows <c>"Active"</c>, not 3.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(MembershipRow))]
internal sealed partial class MembershipJsonContext : JsonSerializerContext;
