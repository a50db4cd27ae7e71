using System.Collections.Immutable;
using System.Text;

namespace Ccm.Sandbox.Kube.Selectors;

/// <summary>
/// A parsed <c>fieldSelector</c> (<c>metadata.name=web,spec.nodeName!=n1</c>): exact matches on the field labels a kind
/// supports. Backslash escapes <c>,</c> <c>=</c> and <c>\</c> in values, as in k8s.io/apimachinery/pkg/fields.
/// </summary>
internal sealed class FieldSelector
{
    public static readonly FieldSelector Everything = new([]);

    private FieldSelector(ImmutableArray<FieldRequirement> requirements) => Requirements = requirements;

    public ImmutableArray<FieldRequirement> Requirements { get; }

    public bool IsEverything => Requirements.IsEmpty;

    /// <summary>The single <c>metadata.name=x</c> a selector pins, if any (lets a list or watch skip a scan).</summary>
    public string? PinnedName => Requirements.FirstOrDefault(r => r.Field == "metadata.name" && !r.Negated)?.Value;

    public static FieldSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var requirements = new List<FieldRequirement>();
        foreach (var term in SplitUnescaped(text, ','))
        {
            var (field, op, value) = SplitTerm(term);
            requirements.Add(new FieldRequirement(field.Trim(), op == "!=", value));
        }

        return new FieldSelector([.. requirements]);
    }

    /// <summary>Throws <see cref="FormatException"/> for a field label the kind does not support (a 400, as upstream).</summary>
    public void EnsureSupported(IReadOnlySet<string> supported)
    {
        foreach (var requirement in Requirements.Where(r => !supported.Contains(r.Field)))
        {
            throw new FormatException($"field label not supported: {requirement.Field}");
        }
    }

    public bool Matches(IReadOnlyDictionary<string, string> fields)
    {
        foreach (var r in Requirements)
        {
            var equal = fields.TryGetValue(r.Field, out var actual) && actual == r.Value;
            if (equal == r.Negated)
            {
                return false;
            }
        }

        return true;
    }

    private static (string Field, string Op, string Value) SplitTerm(string term)
    {
        foreach (var op in (string[])["!=", "==", "="])
        {
            var at = IndexOfUnescaped(term, op);
            if (at > 0)
            {
                return (term[..at], op, Unescape(term[(at + op.Length)..]));
            }
        }

        throw new FormatException($"invalid selector: '{term}'; can't understand '{term}'");
    }

    private static int IndexOfUnescaped(string s, string token)
    {
        for (var i = 0; i <= s.Length - token.Length; i++)
        {
            if (s[i] == '\\')
            {
                i++;
                continue;
            }

            if (string.CompareOrdinal(s, i, token, 0, token.Length) == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static IEnumerable<string> SplitUnescaped(string s, char separator)
    {
        var current = new StringBuilder();
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length)
            {
                current.Append(s[i]).Append(s[++i]);
            }
            else if (s[i] == separator)
            {
                yield return current.ToString();
                current.Clear();
            }
            else
            {
                current.Append(s[i]);
            }
        }

        yield return current.ToString();
    }

    private static string Unescape(string s)
    {
        var result = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length)
            {
                i++;
            }

            result.Append(s[i]);
        }

        return result.ToString();
    }
}

internal sealed record FieldRequirement(string Field, bool Negated, string Value);
