using System.Text.Json;

namespace Ccm.Sandbox.Kube.Discovery;

/// <summary>
/// The legacy (unaggregated) discovery documents. kubectl asks for aggregated discovery first and falls back to these
/// when the reply is plain <c>application/json</c>, so they are all a client needs.
/// </summary>
internal sealed class DiscoveryDocuments(ResourceCatalog catalog)
{
    /// <summary>
    /// The minor version reported by <c>/version</c>. kubectl's dispatcher (gcloud's <c>/usr/bin/kubectl</c>) runs the
    /// <c>kubectl.1.NN</c> matching it; 33 is installed there (1.27-1.33) and is also the standalone kubectl the test
    /// script installs (v1.33.0), so both clients run at the version they were built for.
    /// </summary>
    public const string Minor = "33";

    private static readonly string[] ItemVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
    private static readonly string[] SubresourceVerbs = ["get", "patch", "update"];

    public byte[] Version() => JsonSerializer.SerializeToUtf8Bytes(
        new VersionInfo("1", Minor, $"v1.{Minor}.0-ccm-sandbox", "0000000000000000000000000000000000000000", "clean",
            "2026-01-01T00:00:00Z", "go1.24.0", "gc", "linux/amd64"),
        DiscoveryJsonContext.Default.VersionInfo);

    public byte[] CoreVersions(string serverAddress) => JsonSerializer.SerializeToUtf8Bytes(
        new ApiVersions("APIVersions", ["v1"], [new ServerAddressByClientCidr("0.0.0.0/0", serverAddress)]),
        DiscoveryJsonContext.Default.ApiVersions);

    public byte[] Groups() => JsonSerializer.SerializeToUtf8Bytes(
        new ApiGroupList("APIGroupList", "v1", [.. catalog.Groups.Select(ToGroup)]),
        DiscoveryJsonContext.Default.ApiGroupList);

    public byte[]? Group(string group)
    {
        var served = catalog.Groups.Where(g => g.Group == group).ToList();
        return served.Count == 0
            ? null
            : JsonSerializer.SerializeToUtf8Bytes(ToGroup(served[0]) with { Kind = "APIGroup", ApiVersion = "v1" }, DiscoveryJsonContext.Default.ApiGroup);
    }

    public byte[]? Resources(string group, string version)
    {
        if (!catalog.ServesGroupVersion(group, version))
        {
            return null;
        }

        var groupVersion = group.Length == 0 ? version : $"{group}/{version}";
        var resources = new List<ApiResource>();
        foreach (var type in catalog.InGroupVersion(group, version))
        {
            resources.Add(new ApiResource(type.Plural, type.Singular, type.Namespaced, type.Kind, ItemVerbs,
                type.ShortNames.IsEmpty ? null : type.ShortNames));
            foreach (var sub in type.Subresources)
            {
                resources.Add(sub == "scale"
                    ? new ApiResource($"{type.Plural}/scale", "", type.Namespaced, "Scale", SubresourceVerbs, Group: "autoscaling", Version: "v1")
                    : new ApiResource($"{type.Plural}/{sub}", "", type.Namespaced, type.Kind, sub == "finalize" ? ["update"] : SubresourceVerbs));
            }
        }

        return JsonSerializer.SerializeToUtf8Bytes(
            new ApiResourceList("APIResourceList", "v1", groupVersion, resources), DiscoveryJsonContext.Default.ApiResourceList);
    }

    private static ApiGroup ToGroup((string Group, string Version) g)
    {
        var version = new GroupVersionForDiscovery($"{g.Group}/{g.Version}", g.Version);
        return new ApiGroup(g.Group, [version], version);
    }
}
