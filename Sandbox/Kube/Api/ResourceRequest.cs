using Ccm.Sandbox.Kube.Discovery;

namespace Ccm.Sandbox.Kube.Api;

/// <summary>
/// A request for a resource, parsed from its path: <c>/api/v1[/namespaces/{ns}]/{plural}[/{name}[/{subresource}]]</c>
/// or the same under <c>/apis/{group}/{version}</c>; the legacy <c>/watch/</c> prefix is accepted too.
/// </summary>
internal sealed record ResourceRequest(ResourceType Type, string? Namespace, string? Name, string? Subresource, bool WatchPath)
{
    /// <summary>Parses the segments after <c>/api/v1</c> or <c>/apis/g/v</c>; null when they name nothing we serve.</summary>
    public static ResourceRequest? Parse(ResourceCatalog catalog, string group, string version, ReadOnlySpan<string> segments)
    {
        var watch = false;
        if (segments.Length > 0 && segments[0] == "watch")
        {
            watch = true;
            segments = segments[1..];
        }

        string? ns = null;
        // "namespaces/{ns}/{plural}..." is a namespaced collection unless {plural} is a subresource of the namespace.
        if (segments.Length >= 3 && segments[0] == "namespaces" && catalog.Find(group, version, segments[2]) is { Namespaced: true })
        {
            ns = segments[1];
            segments = segments[2..];
        }

        if (segments.Length is 0 or > 3 || catalog.Find(group, version, segments[0]) is not { } type)
        {
            return null;
        }

        if (ns is not null && !type.Namespaced)
        {
            return null;
        }

        var name = segments.Length > 1 ? segments[1] : null;
        var sub = segments.Length > 2 ? segments[2] : null;
        if (sub is not null && !type.Subresources.Contains(sub))
        {
            return null;
        }

        return new ResourceRequest(type, ns, name, sub, watch);
    }
}
