using System.Text.Json.Serialization;

namespace Ccm.Sandbox.Kube.Discovery;

// Discovery documents as the API server writes them (k8s.io/apimachinery/pkg/apis/meta/v1 and pkg/version).

internal sealed record VersionInfo(
    string Major, string Minor, string GitVersion, string GitCommit, string GitTreeState, string BuildDate,
    string GoVersion, string Compiler, string Platform);

internal sealed record ServerAddressByClientCidr(
    [property: JsonPropertyName("clientCIDR")] string ClientCidr, string ServerAddress);

internal sealed record ApiVersions(
    string Kind, IReadOnlyList<string> Versions, IReadOnlyList<ServerAddressByClientCidr> ServerAddressByClientCIDRs);

internal sealed record GroupVersionForDiscovery(string GroupVersion, string Version);

internal sealed record ApiGroup(
    string Name, IReadOnlyList<GroupVersionForDiscovery> Versions, GroupVersionForDiscovery PreferredVersion,
    string? Kind = null, string? ApiVersion = null);

internal sealed record ApiGroupList(string Kind, string ApiVersion, IReadOnlyList<ApiGroup> Groups);

internal sealed record ApiResource(
    string Name, string SingularName, bool Namespaced, string Kind, IReadOnlyList<string> Verbs,
    IReadOnlyList<string>? ShortNames = null, string? Group = null, string? Version = null);

internal sealed record ApiResourceList(string Kind, string ApiVersion, string GroupVersion, IReadOnlyList<ApiResource> Resources);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(VersionInfo))]
[JsonSerializable(typeof(ApiVersions))]
[JsonSerializable(typeof(ApiGroupList))]
[JsonSerializable(typeof(ApiGroup))]
[JsonSerializable(typeof(ApiResourceList))]
internal sealed partial class DiscoveryJsonContext : JsonSerializerContext;
