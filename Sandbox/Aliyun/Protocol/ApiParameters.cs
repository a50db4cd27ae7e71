using System.Globalization;

namespace Ccm.Sandbox.Aliyun.Protocol;

/// <summary>
/// The business and common parameters of one call: query and form body merged (V2), or the query (and any form
/// body) of a V3 call. Names are looked up case-insensitively because SDKs disagree on case: the Go SDK sends
/// <c>healthCheckInterval</c> as the API spells it, pop-core upper-cases every first letter.
/// </summary>
internal sealed class ApiParameters
{
    private readonly Dictionary<string, string> values;

    public ApiParameters(IReadOnlyList<KeyValuePair<string, string>> raw)
    {
        Raw = raw;
        values = new Dictionary<string, string>(raw.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in raw)
        {
            values[key] = value;
        }
    }

    /// <summary>Every parameter as received, in order, with its exact name (what a V2 signature covers).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Raw { get; }

    public string? Get(string name) => values.TryGetValue(name, out var value) ? value : null;

    /// <summary>The value, or null when absent or empty (the SDKs omit unset fields; some send empty ones).</summary>
    public string? NonEmpty(string name) => values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    /// <summary>A filter parameter: true when it is absent, or present and equal to <paramref name="value"/>.</summary>
    public bool Matches(string name, string value) => NonEmpty(name) is not { } wanted || wanted == value;

    public string Required(string name) => NonEmpty(name) ?? throw CommonErrors.Missing(name);

    /// <summary>
    /// The value of an enumerated parameter, compared case-insensitively and answered in the listed spelling; null when
    /// absent; <c>InvalidParameter</c> naming the allowed values otherwise.
    /// </summary>
    public string? OneOf(string name, params string[] allowed)
    {
        var value = NonEmpty(name);
        if (value is null)
        {
            return null;
        }

        return allowed.FirstOrDefault(a => a.Equals(value, StringComparison.OrdinalIgnoreCase))
            ?? throw CommonErrors.InvalidParameter(name, $"The specified {name} is not valid; allowed values: {string.Join(", ", allowed)}.");
    }

    public int? Int(string name)
    {
        var text = NonEmpty(name);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw CommonErrors.InvalidParameter(name);
    }

    public int RequiredInt(string name) => Int(name) ?? throw CommonErrors.Missing(name);

    public bool? Bool(string name) => NonEmpty(name) switch
    {
        null => null,
        var text when bool.TryParse(text, out var value) => value,
        _ => throw CommonErrors.InvalidParameter(name),
    };

    /// <summary>A repeated parameter flattened 1-based: <c>Name.1</c>, <c>Name.2</c>… in index order.</summary>
    public IReadOnlyList<string> List(string name) =>
        Indexed(name).Select(entry => entry.Value).ToList();

    /// <summary>A repeated object: <c>Name.1.Field</c>… grouped per index, in index order.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> ObjectList(string name)
    {
        var groups = new SortedDictionary<int, Dictionary<string, string>>();
        var prefix = name + ".";
        foreach (var (key, value) in Raw)
        {
            if (!key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var rest = key.AsSpan(prefix.Length);
            var dot = rest.IndexOf('.');
            if (dot <= 0 || !int.TryParse(rest[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                continue;
            }

            if (!groups.TryGetValue(index, out var fields))
            {
                groups[index] = fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            }

            fields[rest[(dot + 1)..].ToString()] = value;
        }

        return [.. groups.Values];
    }

    /// <summary><c>Tag.N.Key</c>/<c>Tag.N.Value</c> pairs (the value may be absent: match on key only).</summary>
    public IReadOnlyList<(string Key, string? Value)> Tags(string name = "Tag") =>
        ObjectList(name)
            .Where(tag => tag.TryGetValue("Key", out var key) && key.Length > 0)
            .Select(tag => (tag["Key"], tag.TryGetValue("Value", out var value) ? value : (string?)null))
            .ToList();

    private SortedDictionary<int, string> Indexed(string name)
    {
        var prefix = name + ".";
        var found = new SortedDictionary<int, string>();
        foreach (var (key, value) in Raw)
        {
            if (key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && int.TryParse(key.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                found[index] = value;
            }
        }

        return found;
    }
}
