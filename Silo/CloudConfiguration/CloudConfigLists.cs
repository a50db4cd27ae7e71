using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Ccm.Silo.CloudConfiguration;

/// <summary>The two comma lists of the cloud-config: <c>routeTableIDs</c> and <c>vswitchid</c>.</summary>
internal static partial class CloudConfigLists
{
    /// <summary>
    /// <c>vtb-a, vtb-b</c>: each item trimmed (upstream's missing trim broke every table after the first), empty items
    /// skipped, duplicates removed in order, and each item checked, since a bad id otherwise fails only at the first
    /// route reconcile.
    /// </summary>
    public static ImmutableArray<string> RouteTables(string? text, ConfigNode node, string field, FieldReader reader)
    {
        if (text is null)
        {
            return [];
        }

        var ids = ImmutableArray.CreateBuilder<string>();
        var items = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < items.Length; i++)
        {
            if (!RouteTableId().IsMatch(items[i]))
            {
                var separator = items[i].IndexOfAny([' ', ';', '\t']) >= 0 ? "; separate ids with commas" : "";
                reader.Fail(node, field, $"item {i + 1} \"{items[i]}\" is not a route table id", $"Each id is vtb- followed by letters and digits, e.g. \"vtb-bp1abc,vtb-bp1def\"{separator}");
            }
            else if (!ids.Contains(items[i]))
            {
                ids.Add(items[i]);
            }
        }

        return ids.ToImmutable();
    }

    /// <summary>
    /// <c>zone:vsw-id</c> pairs. Upstream silently skips an entry without exactly one ':'; here a bare <c>vsw-id</c>
    /// is read as a vSwitch in an unknown zone (what its writer meant) and anything else is an error.
    /// </summary>
    public static ImmutableArray<VSwitch> VSwitches(string? text, ConfigNode node, string field, FieldReader reader)
    {
        if (text is null)
        {
            return [];
        }

        var pairs = ImmutableArray.CreateBuilder<VSwitch>();
        var items = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < items.Length; i++)
        {
            var parts = items[i].Split(':', StringSplitOptions.TrimEntries);
            var (zone, id) = parts.Length switch
            {
                1 => ("", parts[0]),
                2 => (parts[0], parts[1]),
                _ => ("", ""),
            };
            if (!VSwitchId().IsMatch(id))
            {
                reader.Fail(node, field, $"item {i + 1} \"{items[i]}\" is not a zone:vSwitch pair", "Write zone:vsw-id pairs separated by commas, e.g. \"cn-hangzhou-j:vsw-bp1abc,cn-hangzhou-k:vsw-bp1def\"");
                continue;
            }

            pairs.Add(new VSwitch(zone, id));
        }

        return pairs.ToImmutable();
    }

    [GeneratedRegex("^vtb-[a-z0-9]+$")]
    private static partial Regex RouteTableId();

    [GeneratedRegex("^vsw-[a-z0-9]+$")]
    private static partial Regex VSwitchId();
}
