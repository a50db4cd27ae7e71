using System.Globalization;

namespace Ccm.Kube.Api;

/// <summary>Query parameters of a WATCH (<c>?watch=true</c>).</summary>
public sealed record WatchOptions
{
    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    /// <summary>
    /// Start point. A version from a list or a previous event: "start at exact", no synthetic events; an expired
    /// version fails with 410 Gone (as HTTP status or as an ERROR event). Unset: synthetic ADDED for every
    /// existing object first ("get state and start at most recent").
    /// </summary>
    public string? ResourceVersion { get; init; }

    /// <summary>Ask for BOOKMARK events that only advance the resourceVersion (the server may send none).</summary>
    public bool AllowWatchBookmarks { get; init; } = true;

    /// <summary>The server ends the watch cleanly after this long; unset means the server's own (randomized) limit.</summary>
    public int? TimeoutSeconds { get; init; }

    internal IEnumerable<(string Name, string? Value)> QueryParameters()
    {
        yield return ("watch", "true");
        yield return ("labelSelector", LabelSelector);
        yield return ("fieldSelector", FieldSelector);
        yield return ("resourceVersion", ResourceVersion);
        yield return ("allowWatchBookmarks", AllowWatchBookmarks ? "true" : null);
        yield return ("timeoutSeconds", TimeoutSeconds?.ToString(CultureInfo.InvariantCulture));
    }
}
