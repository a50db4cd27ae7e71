using Ccm.Kube.Cache;
using k8s.Models;

namespace Ccm.Kube.Tests.Support;

/// <summary>Small builders for test objects.</summary>
internal static class Objects
{
    public static V1Service Service(string name, string resourceVersion, string? uid = null, string ns = "default", string? type = null) => new()
    {
        Metadata = new() { Name = name, NamespaceProperty = ns, ResourceVersion = resourceVersion, Uid = uid ?? "uid-" + name },
        Spec = type is null ? null : new V1ServiceSpec { Type = type },
    };

    /// <summary>What a BOOKMARK event carries: only a resourceVersion.</summary>
    public static V1Service Bookmark(string resourceVersion) => new() { Metadata = new() { ResourceVersion = resourceVersion } };

    public static V1EndpointSlice Slice(string name, string service, string resourceVersion, string ns = "default") => new()
    {
        Metadata = new()
        {
            Name = name,
            NamespaceProperty = ns,
            ResourceVersion = resourceVersion,
            Uid = "uid-" + name,
            Labels = new Dictionary<string, string> { [KubeIndexes.ServiceNameLabel] = service },
        },
        AddressType = "IPv4",
        Endpoints = [],
    };

    /// <summary>The Status a server sends with a refusal or in an ERROR event.</summary>
    public static V1Status Status(int code, string reason, string message = "", params string[] causes) => new()
    {
        Kind = "Status",
        ApiVersion = "v1",
        Status = "Failure",
        Code = code,
        Reason = reason,
        Message = message,
        Details = causes.Length == 0 ? null : new V1StatusDetails { Causes = [.. causes.Select(c => new V1StatusCause { Reason = c, Message = message })] },
    };

    /// <summary>
    /// The API server's answer to a watch or list from a version it has not reached (storage.NewTooLargeResourceVersionError:
    /// a Timeout whose details carry the cause ResourceVersionTooLarge).
    /// </summary>
    public static V1Status TooLargeResourceVersion(long asked, long current) => new()
    {
        Kind = "Status",
        ApiVersion = "v1",
        Status = "Failure",
        Code = 504,
        Reason = "Timeout",
        Message = $"Too large resource version: {asked}, current: {current}",
        Details = new V1StatusDetails
        {
            Causes = [new V1StatusCause { Reason = "ResourceVersionTooLarge", Message = "Too large resource version" }],
            RetryAfterSeconds = 1,
        },
    };
}
