using System.Globalization;
using Ccm.Sandbox.Kube.Selectors;
using Ccm.Sandbox.Kube.Storage;
using Microsoft.AspNetCore.Http;

namespace Ccm.Sandbox.Kube.Api;

/// <summary>The query of a list or watch: selectors, paging, resourceVersion semantics, watch options.</summary>
internal sealed record ListQuery
{
    public LabelSelector Labels { get; init; } = LabelSelector.Everything;

    public FieldSelector Fields { get; init; } = FieldSelector.Everything;

    public int Limit { get; init; }

    public string? Continue { get; init; }

    public string? ResourceVersion { get; init; }

    public string? ResourceVersionMatch { get; init; }

    public bool Watch { get; init; }

    public bool AllowBookmarks { get; init; }

    public bool SendInitialEvents { get; init; }

    public TimeSpan? Timeout { get; init; }

    public static ListQuery Parse(IQueryCollection query, ResourceType type, bool watchPath)
    {
        try
        {
            var fields = FieldSelector.Parse(query["fieldSelector"]);
            fields.EnsureSupported(SupportedFields(type));
            return new ListQuery
            {
                Labels = LabelSelector.Parse(query["labelSelector"]),
                Fields = fields,
                Limit = int.TryParse(query["limit"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit) && limit > 0 ? limit : 0,
                Continue = NullIfEmpty(query["continue"]),
                ResourceVersion = NullIfEmpty(query["resourceVersion"]),
                ResourceVersionMatch = NullIfEmpty(query["resourceVersionMatch"]),
                Watch = watchPath || IsTrue(query["watch"]),
                AllowBookmarks = IsTrue(query["allowWatchBookmarks"]),
                SendInitialEvents = IsTrue(query["sendInitialEvents"]),
                Timeout = long.TryParse(query["timeoutSeconds"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
                    ? TimeSpan.FromSeconds(seconds)
                    : null,
            };
        }
        catch (FormatException e)
        {
            throw KubeApiException.BadRequest(e.Message);
        }
    }

    public bool Matches(StoredObject obj) => Fields.Matches(obj.Fields) && Labels.Matches(obj.Labels);

    /// <summary>The version the reply must be at least as new as: any given one but "0" (which means any state).</summary>
    public long? MinimumVersion() => ResourceVersion is null or "0" ? null : ParseVersion(ResourceVersion);

    /// <summary>
    /// The resourceVersion the list must be read at, or null for "the newest". Per the API: a version with
    /// <c>Exact</c>, or with a limit and no match rule, is exact; otherwise any state at least that new will do.
    /// </summary>
    public long? ExactVersion()
    {
        if (ResourceVersion is null or "0")
        {
            return null;
        }

        var rv = ParseVersion(ResourceVersion);
        return ResourceVersionMatch == "Exact" || (ResourceVersionMatch is null && Limit > 0) ? rv : null;
    }

    public static long ParseVersion(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var rv)
            ? rv
            : throw KubeApiException.BadRequest($"invalid resource version \"{text}\"");

    private static HashSet<string> SupportedFields(ResourceType type) =>
        ["metadata.name", "metadata.namespace", .. type.SelectableFields];

    private static bool IsTrue(string? value) => value is "true" or "1" or "True";

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
