using Ccm.Kube.Models;

namespace Ccm.Kube.Api;

/// <summary>The type of a watch event, as the server names it.</summary>
public enum WatchEventType
{
    Added,
    Modified,
    Deleted,

    /// <summary>Only <c>metadata.resourceVersion</c> is meaningful: everything up to it has been sent.</summary>
    Bookmark,

    /// <summary>The watch failed; <see cref="WatchEvent{T}.Error"/> says why (code 410 means "relist").</summary>
    Error,
}

/// <summary>One decoded watch event.</summary>
/// <param name="Type">What happened.</param>
/// <param name="Object">The object after the change (before deletion for DELETED); null for ERROR.</param>
/// <param name="Error">For ERROR, the Status the server sent.</param>
public sealed record WatchEvent<T>(WatchEventType Type, T? Object, Status? Error = null)
    where T : class, IKubeObject<T>
{
    /// <summary>The version this event brings the watch to (what to resume from).</summary>
    public string? ResourceVersion => Object?.Metadata.ResourceVersion;
}
