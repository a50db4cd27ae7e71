using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Ccm.Grains;
using Ccm.Silo.Flags;

namespace Ccm.Silo.Options;

/// <summary>
/// Feature gates written <c>Name=true,Other=false</c>, from <c>--feature-gates</c> and from the cloud-config's
/// <c>featureGates</c>. Gates this CCM does not know are kept in <see cref="Unknown"/> and reported, never fatal: the
/// manifests that carry them must start. Gates in <see cref="Locked"/> are always on; turning one off is reported.
/// </summary>
public sealed record FeatureGates
{
    /// <summary>The upstream CCM's gates and their defaults (<c>pkg/config/feature_gates.go</c>).</summary>
    public static readonly ImmutableDictionary<string, bool> Defaults = new Dictionary<string, bool>
    {
        ["EndpointSlice"] = true,
        ["IPv6DualStack"] = false,
        ["FilterServiceOnNodeChange"] = false,
        ["LoadBalancerTypeAnnotation"] = false,
        ["ServiceNodeExclusion"] = true,
    }.ToImmutableDictionary();

    /// <summary>
    /// Gates that are always on here, with why: turning one off is reported at start and changes nothing.
    /// </summary>
    public static readonly ImmutableDictionary<string, string> Locked = new Dictionary<string, string>
    {
        ["EndpointSlice"] = "backends are always read from EndpointSlices (GA since Kubernetes 1.21; the Endpoints API is deprecated since 1.33)",
        ["ServiceNodeExclusion"] = "nodes labelled node.kubernetes.io/exclude-from-external-load-balancers are never backends (the gate is GA and locked on since Kubernetes 1.21)",
        ["FilterServiceOnNodeChange"] = "a Node change always wakes only the Services whose backends it can change (the filter is exact, so it needs no gate)",
    }.ToImmutableDictionary();

    public static readonly FeatureGates Empty = new();

    /// <summary>Known gates set explicitly, by canonical name.</summary>
    public ImmutableDictionary<string, bool> Explicit { get; init; } = ImmutableDictionary<string, bool>.Empty;

    /// <summary>Gate names given that this CCM does not know.</summary>
    public ImmutableArray<string> Unknown { get; init; } = [];

    /// <summary>Whether a known gate is on (a locked gate always is); asking for an unknown gate is a programming error.</summary>
    public bool IsEnabled(string gate) =>
        Locked.ContainsKey(gate)
        || (Explicit.TryGetValue(gate, out var value) ? value
            : Defaults.TryGetValue(gate, out var byDefault) ? byDefault
            : throw new ArgumentException($"unknown feature gate {gate}", nameof(gate)));

    /// <summary>These gates with <paramref name="other"/>'s explicit settings taking precedence.</summary>
    public FeatureGates Overriding(FeatureGates other) => new()
    {
        Explicit = Explicit.SetItems(other.Explicit),
        Unknown = [.. Unknown.Union(other.Unknown, StringComparer.Ordinal)],
    };

    public static bool TryParse(string text, [NotNullWhen(true)] out FeatureGates? gates, [NotNullWhen(false)] out string? error)
    {
        gates = null;
        var explicitGates = ImmutableDictionary.CreateBuilder<string, bool>();
        var unknown = ImmutableArray.CreateBuilder<string>();
        foreach (var item in FlagValue.ParseList(text))
        {
            var parts = item.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0)
            {
                error = $"\"{item}\" is not a gate setting (write Name=true or Name=false, comma-separated; known gates: {string.Join(", ", Defaults.Keys.Order())})";
                return false;
            }

            if (!FlagValue.TryParseBool(parts[1], out var enabled, out var boolError))
            {
                error = $"gate {parts[0]}: {boolError}";
                return false;
            }

            var known = Defaults.Keys.FirstOrDefault(k => string.Equals(k, parts[0], StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                unknown.Add(parts[0]);
            }
            else
            {
                explicitGates[known] = enabled;
            }
        }

        gates = new FeatureGates { Explicit = explicitGates.ToImmutable(), Unknown = unknown.ToImmutable() };
        error = null;
        return true;
    }

    /// <summary>What to report about these settings: unknown gates (with the closest known name) and locked gates turned off.</summary>
    public IEnumerable<string> Findings()
    {
        foreach (var gate in Unknown)
        {
            var closest = EditDistance.Closest(gate, Defaults.Keys);
            yield return closest is null
                ? $"unknown gate {gate} is ignored (known: {string.Join(", ", Defaults.Keys.Order())})"
                : $"unknown gate {gate} is ignored; did you mean {closest}?";
        }

        foreach (var (gate, why) in Locked.OrderBy(l => l.Key).Where(l => Explicit.GetValueOrDefault(l.Key, true) is false))
        {
            yield return $"{gate}=false is ignored: {why}";
        }
    }

    public override string ToString() =>
        string.Join(",", Defaults.Keys.Order().Select(k => $"{k}={(IsEnabled(k) ? "true" : "false")}"));
}
