using System.Collections.Immutable;

namespace Ccm.Sandbox.Kube.Selectors;

/// <summary>
/// A parsed <c>labelSelector</c>: comma-separated requirements, all of which must hold (<c>=</c>, <c>==</c>,
/// <c>!=</c>, <c>in (..)</c>, <c>notin (..)</c>, <c>key</c>, <c>!key</c>, <c>&gt;</c>, <c>&lt;</c>), as
/// k8s.io/apimachinery/pkg/labels parses them. As there, <c>!=</c> and <c>notin</c> also match objects without the key.
/// </summary>
internal sealed class LabelSelector
{
    public static readonly LabelSelector Everything = new([]);

    private LabelSelector(ImmutableArray<LabelRequirement> requirements) => Requirements = requirements;

    public ImmutableArray<LabelRequirement> Requirements { get; }

    public bool IsEverything => Requirements.IsEmpty;

    /// <summary>Parses a selector; throws <see cref="FormatException"/> with a message for the 400 reply.</summary>
    public static LabelSelector Parse(string? text) =>
        string.IsNullOrWhiteSpace(text) ? Everything : new LabelSelector([.. new LabelSelectorParser(text).ParseAll()]);

    /// <summary>A selector equal to a label map (the <c>matchLabels</c> form, and a Service's <c>spec.selector</c>).</summary>
    public static LabelSelector FromMatchLabels(IEnumerable<KeyValuePair<string, string>> labels) =>
        new([.. labels.Select(p => new LabelRequirement(p.Key, LabelOperator.Equals, [p.Value]))]);

    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        foreach (var requirement in Requirements)
        {
            if (!requirement.Matches(labels))
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => string.Join(',', Requirements);
}

internal enum LabelOperator
{
    Equals,
    NotEquals,
    In,
    NotIn,
    Exists,
    DoesNotExist,
    GreaterThan,
    LessThan,
}

internal sealed record LabelRequirement(string Key, LabelOperator Operator, ImmutableArray<string> Values)
{
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        var has = labels.TryGetValue(Key, out var value);
        return Operator switch
        {
            LabelOperator.Equals or LabelOperator.In => has && Values.Contains(value!),
            LabelOperator.NotEquals or LabelOperator.NotIn => !has || !Values.Contains(value!),
            LabelOperator.Exists => has,
            LabelOperator.DoesNotExist => !has,
            LabelOperator.GreaterThan => has && long.TryParse(value, out var g) && g > long.Parse(Values[0], System.Globalization.CultureInfo.InvariantCulture),
            LabelOperator.LessThan => has && long.TryParse(value, out var l) && l < long.Parse(Values[0], System.Globalization.CultureInfo.InvariantCulture),
            _ => false,
        };
    }

    public override string ToString() => Operator switch
    {
        LabelOperator.Equals => $"{Key}={Values[0]}",
        LabelOperator.NotEquals => $"{Key}!={Values[0]}",
        LabelOperator.In => $"{Key} in ({string.Join(',', Values)})",
        LabelOperator.NotIn => $"{Key} notin ({string.Join(',', Values)})",
        LabelOperator.Exists => Key,
        LabelOperator.DoesNotExist => "!" + Key,
        LabelOperator.GreaterThan => $"{Key}>{Values[0]}",
        _ => $"{Key}<{Values[0]}",
    };
}
