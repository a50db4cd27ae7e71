namespace Ccm.Kube.Api;

/// <summary>Query parameters of a LIST (API Concepts, "Retrieving large results sets in chunks", "Resource versions").</summary>
public sealed record ListOptions
{
    /// <summary>e.g. <c>app=web,tier!=db</c>.</summary>
    public string? LabelSelector { get; init; }

    /// <summary>e.g. <c>metadata.name=web</c>, <c>spec.nodeName=n1</c> (only the fields the server indexes).</summary>
    public string? FieldSelector { get; init; }

    /// <summary>Page size; the server returns <c>metadata.continue</c> when more items follow.</summary>
    public int? Limit { get; init; }

    /// <summary>The token of the previous page. Tokens expire (about 5 min) with 410 Gone: restart the list.</summary>
    public string? Continue { get; init; }

    /// <summary>
    /// Unset: the most recent state (a consistent read). <c>"0"</c>: any cached state, possibly stale. A value:
    /// not older than that version (with <see cref="ResourceVersionMatch"/>).
    /// </summary>
    public string? ResourceVersion { get; init; }

    /// <summary><c>NotOlderThan</c> or <c>Exact</c>; only valid with <see cref="ResourceVersion"/>.</summary>
    public string? ResourceVersionMatch { get; init; }

    internal IEnumerable<(string Name, string? Value)> QueryParameters()
    {
        yield return ("labelSelector", LabelSelector);
        yield return ("fieldSelector", FieldSelector);
        yield return ("limit", Limit?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("continue", Continue);
        yield return ("resourceVersion", ResourceVersion);
        yield return ("resourceVersionMatch", ResourceVersionMatch);
    }
}
