using Ccm.Kube.Models;

namespace Ccm.Kube.Tests.Support;

/// <summary>Small builders for test objects.</summary>
internal static class Objects
{
    public static Service Service(string name, string resourceVersion, string? uid = null, string ns = "default", string? type = null) => new()
    {
        Metadata = new() { Name = name, Namespace = ns, ResourceVersion = resourceVersion, Uid = uid ?? "uid-" + name },
        Spec = type is null ? null : new ServiceSpec { Type = type },
    };

    public static Service Bookmark(string resourceVersion) => new() { Metadata = new() { ResourceVersion = resourceVersion } };

    public static EndpointSlice Slice(string name, string service, string resourceVersion, string ns = "default") => new()
    {
        Metadata = new()
        {
            Name = name,
            Namespace = ns,
            ResourceVersion = resourceVersion,
            Uid = "uid-" + name,
            Labels = new Dictionary<string, string> { [EndpointSlice.ServiceNameLabel] = service },
        },
    };
}
