using System.Text.Json.Nodes;

namespace Ccm.Chart.Tests;

/// <summary>
/// One (API group, resource, verb) the chart grants, cluster-wide or in the release namespace, on every object or on the
/// one named <see cref="ResourceName"/> (a rule's <c>resourceNames</c>, one permission per name). The set the chart
/// renders is what a comparison with the silo's recorded Kubernetes calls works on.
/// </summary>
public sealed record RbacPermission(RbacScope Scope, string ApiGroup, string Resource, string Verb, string? ResourceName = null)
{
    public override string ToString() =>
        $"{Scope} {(ApiGroup.Length == 0 ? "core" : ApiGroup)}/{Resource} {Verb}{(ResourceName is null ? "" : " " + ResourceName)}";

    /// <summary>The same grant for any name: what "is this verb used at all" compares.</summary>
    public RbacPermission AnyName => this with { ResourceName = null };

    /// <summary>Every permission of the rendered ClusterRole and Role.</summary>
    public static IReadOnlySet<RbacPermission> Granted(RenderedChart chart) =>
        chart.OfKind("ClusterRole").SelectMany(r => Expand(RbacScope.Cluster, r))
            .Concat(chart.OfKind("Role").SelectMany(r => Expand(RbacScope.ReleaseNamespace, r)))
            .ToHashSet();

    /// <summary>
    /// Every permission with the object it is limited to: one grant per name of a rule's <c>resourceNames</c>, or one
    /// with a null name when the rule applies to every object of its resource.
    /// </summary>
    public static IReadOnlySet<RbacGrant> GrantedByName(RenderedChart chart) =>
        chart.OfKind("ClusterRole").SelectMany(r => ExpandByName(RbacScope.Cluster, r))
            .Concat(chart.OfKind("Role").SelectMany(r => ExpandByName(RbacScope.ReleaseNamespace, r)))
            .ToHashSet();

    private static IEnumerable<RbacGrant> ExpandByName(RbacScope scope, JsonObject role) =>
        from rule in role["rules"]!.AsArray()
        from apiGroup in Strings(rule!["apiGroups"])
        from resource in Strings(rule["resources"])
        from verb in Strings(rule["verbs"])
        from name in rule["resourceNames"] is null ? [null] : Strings(rule["resourceNames"]).Cast<string?>()
        select new RbacGrant(new RbacPermission(scope, apiGroup, resource, verb), name);

    private static IEnumerable<RbacPermission> Expand(RbacScope scope, JsonObject role) =>
        from rule in role["rules"]!.AsArray()
        from apiGroup in Strings(rule!["apiGroups"])
        from resource in Strings(rule["resources"])
        from verb in Strings(rule["verbs"])
        from name in Names(rule["resourceNames"])
        select new RbacPermission(scope, apiGroup, resource, verb, name);

    /// <summary>A rule without <c>resourceNames</c> (or an empty list) grants every name: one null.</summary>
    private static IEnumerable<string?> Names(JsonNode? list) =>
        Strings(list).ToList() is { Count: > 0 } names ? names.Select(n => (string?)n) : [(string?)null];

    private static IEnumerable<string> Strings(JsonNode? list) =>
        list?.AsArray().Select(n => n!.GetValue<string>()) ?? [];
}

/// <summary>A permission limited to the object named <see cref="ResourceName"/>, or to none (null: every object).</summary>
public sealed record RbacGrant(RbacPermission Permission, string? ResourceName)
{
    public override string ToString() => ResourceName is null ? $"{Permission} (any name)" : $"{Permission} {ResourceName}";
}

public enum RbacScope
{
    Cluster,
    ReleaseNamespace,
}
