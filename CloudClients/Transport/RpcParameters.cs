using System.Collections;
using System.Globalization;

namespace Ccm.CloudClients.Transport;

/// <summary>
/// The business parameters of one RPC call, in the encodings the API expects (reference aliyun-api.md §1.1): scalars
/// in invariant culture, repeated lists flattened 1-based (<c>LoadBalancerId.1</c>), objects in lists as
/// <c>RouteEntries.1.DstCidrBlock</c>, tags as <c>Tag.N.Key</c>/<c>Tag.N.Value</c>, and some parameters as one JSON
/// string. Null means "not sent"; an empty string is sent (and signed) as given.
/// </summary>
public sealed class RpcParameters : IEnumerable<KeyValuePair<string, string>>
{
    private readonly List<KeyValuePair<string, string>> items = [];
    private readonly HashSet<string> names = new(StringComparer.Ordinal);

    public int Count => items.Count;

    public RpcParameters Add(string name, string? value)
    {
        if (value is null)
        {
            return this;
        }

        // A duplicate name is a bug in a request mapping; the server would see only one of the values.
        if (!names.Add(name))
        {
            throw new ArgumentException($"parameter '{name}' added twice", nameof(name));
        }

        items.Add(KeyValuePair.Create(name, value));
        return this;
    }

    public RpcParameters Add(string name, int? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public RpcParameters Add(string name, long? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Booleans travel as <c>true</c>/<c>false</c>, as the SDKs' <c>tea.ToString(bool)</c> writes them.</summary>
    public RpcParameters Add(string name, bool? value) => Add(name, value is null ? null : value.Value ? "true" : "false");

    /// <summary><c>name.1</c>, <c>name.2</c>, ...: the API's repeated-list form, 1-based.</summary>
    public RpcParameters AddRepeated(string name, IReadOnlyList<string>? values)
    {
        for (var i = 0; values is not null && i < values.Count; i++)
        {
            Add(Indexed(name, i), values[i]);
        }

        return this;
    }

    /// <summary><c>name.N.Field</c> for a list of objects; <paramref name="write"/> adds each field under the given prefix.</summary>
    public RpcParameters AddRepeated<T>(string name, IReadOnlyList<T>? values, Action<RpcParameters, string, T> write)
    {
        for (var i = 0; values is not null && i < values.Count; i++)
        {
            write(this, Indexed(name, i) + ".", values[i]);
        }

        return this;
    }

    /// <summary><c>Tag.N.Key</c> / <c>Tag.N.Value</c> (the repeated form; SLB's <c>Tags</c> JSON form is <see cref="JsonParameters.Tags"/>).</summary>
    public RpcParameters AddTags(IReadOnlyList<Tag>? tags, string name = "Tag") =>
        AddRepeated(name, tags, static (p, prefix, tag) => p.Add(prefix + "Key", tag.Key).Add(prefix + "Value", tag.Value));

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static string Indexed(string name, int zeroBased) => name + "." + (zeroBased + 1).ToString(CultureInfo.InvariantCulture);
}
