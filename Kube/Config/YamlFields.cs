using YamlDotNet.RepresentationModel;

namespace Ccm.Kube.Config;

/// <summary>Typed reads from a YAML mapping that fail with "file: field.path: what is wrong".</summary>
internal sealed class YamlFields(string file)
{
    public string File => file;

    /// <summary>A named list entry: <c>{name: x, cluster: {...}}</c>, with <see cref="Field"/> = <c>clusters[0].cluster</c>.</summary>
    public sealed record Entry(string Name, YamlMappingNode Body, string Field);

    public IEnumerable<Entry> Entries(YamlMappingNode root, string listKey, string bodyKey)
    {
        if (Child(root, listKey) is not { } node || IsNull(node))
        {
            yield break;
        }

        if (node is not YamlSequenceNode list)
        {
            throw Error(listKey, "must be a list");
        }

        for (var i = 0; i < list.Children.Count; i++)
        {
            var field = $"{listKey}[{i}]";
            if (list.Children[i] is not YamlMappingNode item)
            {
                throw Error(field, "must be a mapping with name and " + bodyKey);
            }

            var name = String(item, "name", field);
            if (string.IsNullOrEmpty(name))
            {
                throw Error(field + ".name", "is required");
            }

            var body = Child(item, bodyKey) switch
            {
                null => new YamlMappingNode(),
                YamlScalarNode s when IsNull(s) => new YamlMappingNode(),
                YamlMappingNode m => m,
                _ => throw Error($"{field}.{bodyKey}", "must be a mapping"),
            };
            yield return new Entry(name, body, $"{field}.{bodyKey}");
        }
    }

    public string? String(YamlMappingNode map, string key, string parent)
    {
        return Child(map, key) switch
        {
            null => null,
            YamlScalarNode s when IsNull(s) => null,
            YamlScalarNode s => s.Value,
            _ => throw Error(Join(parent, key), "must be a string"),
        };
    }

    public bool? Bool(YamlMappingNode map, string key, string parent)
    {
        var text = String(map, key, parent);
        return text switch
        {
            null => null,
            "true" or "True" or "TRUE" => true,
            "false" or "False" or "FALSE" => false,
            _ => throw Error(Join(parent, key), $"must be true or false, not '{text}'"),
        };
    }

    /// <summary>A <c>*-data</c> field: base64 of the PEM text. The value itself is never put in a message.</summary>
    public byte[]? Base64(YamlMappingNode map, string key, string parent)
    {
        var text = String(map, key, parent);
        if (text is null)
        {
            return null;
        }

        try
        {
            return Convert.FromBase64String(text.Trim());
        }
        catch (FormatException ex)
        {
            throw new KubeconfigException($"{file}: {Join(parent, key)}: is not valid base64", ex);
        }
    }

    public KubeconfigException Error(string field, string problem) => new($"{file}: {field}: {problem}");

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: not YamlDotNet.Core.ScalarStyle.SingleQuoted and not YamlDotNet.Core.ScalarStyle.DoubleQuoted } s
        && s.Value is null or "" or "~" or "null";

    private static string Join(string parent, string key) => parent.Length == 0 || parent == key ? key : $"{parent}.{key}";
}
