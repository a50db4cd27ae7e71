namespace Ccm.Kube.Models;

/// <summary>
/// One frame of a watch stream as sent: <c>{"type": "ADDED|MODIFIED|DELETED|BOOKMARK|ERROR", "object": {...}}</c>.
/// For <c>ERROR</c> the object is a <see cref="Status"/>; for <c>BOOKMARK</c> only
/// <c>metadata.resourceVersion</c> is meaningful (API Concepts, "Watch bookmarks").
/// </summary>
public sealed record WatchEventWire<T>
    where T : class
{
    public string? Type { get; init; }

    public T? Object { get; init; }
}
