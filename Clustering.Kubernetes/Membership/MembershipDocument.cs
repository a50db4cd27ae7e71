using System.Globalization;
using System.Text.Json;
using k8s.Models;
using Orleans;
using Orleans.Runtime;

namespace Ccm.Clustering.Kubernetes.Membership;

/// <summary>
/// The table ConfigMap as read: the table version (its number under the data key <c>version</c>, its etag the
/// ConfigMap's resourceVersion) and every row. Changes are computed here as new data, without I/O; the table writes
/// them in one PUT conditioned on <see cref="ResourceVersion"/>, which makes "row + version" one atomic write. Keys this
/// code does not know are carried over unchanged.
/// </summary>
internal sealed class MembershipDocument
{
    public const string VersionKey = "version";

    private readonly IReadOnlyDictionary<string, string> data;

    private MembershipDocument(V1ConfigMap source, int version, IReadOnlyDictionary<string, string> data, IReadOnlyDictionary<string, MembershipRow> rows)
    {
        Source = source;
        ResourceVersion = source.ResourceVersion();
        Version = version;
        this.data = data;
        Rows = rows;
    }

    /// <summary>The ConfigMap as read; a write replaces it conditioned on its resourceVersion.</summary>
    public V1ConfigMap Source { get; }

    /// <summary>The ConfigMap's resourceVersion: the etag of the table version.</summary>
    public string ResourceVersion { get; }

    public int Version { get; }

    public TableVersion TableVersion => new(Version, ResourceVersion);

    /// <summary>Rows by their data key.</summary>
    public IReadOnlyDictionary<string, MembershipRow> Rows { get; }

    public MembershipRow? Find(SiloAddress silo) => Rows.GetValueOrDefault(MembershipRow.KeyOf(silo));

    /// <summary>The data of a new, empty table at version 0.</summary>
    public static Dictionary<string, string> Empty() => new() { [VersionKey] = "0" };

    /// <summary>Reads a table ConfigMap. A row that does not parse is an error: silently dropping a member would break the protocol.</summary>
    public static MembershipDocument Parse(V1ConfigMap map)
    {
        var data = (IReadOnlyDictionary<string, string>?)map.Data ?? new Dictionary<string, string>();
        var rows = new Dictionary<string, MembershipRow>();
        foreach (var (key, value) in data)
        {
            if (key.StartsWith(MembershipRow.KeyKind + ".", StringComparison.Ordinal))
            {
                rows[key] = ParseRow(map.Name(), key, value);
            }
        }

        var version = 0;
        if (data.TryGetValue(VersionKey, out var text) && !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out version))
        {
            throw new KubernetesClusteringException($"ConfigMap {map.Name()} key {VersionKey} is '{text}', not a table version.");
        }

        return new MembershipDocument(map, version, data, rows);
    }

    /// <summary>
    /// The lowest slot below <paramref name="slots"/> that no live row holds. A Dead row's slot is free: a Dead silo
    /// never comes back, and it stops writing its heartbeat once it learns it is dead. The Dead row keeps naming the
    /// slot, so that cleanup can delete the Lease if it still holds that silo's heartbeat.
    /// </summary>
    public int? FreeSlot(int slots)
    {
        var held = Rows.Values.Where(r => r.Status != SiloStatus.Dead && r.Slot is not null).Select(r => r.Slot!.Value).ToHashSet();
        return Enumerable.Range(0, slots).Cast<int?>().FirstOrDefault(s => !held.Contains(s!.Value));
    }

    /// <summary>This table's data with <paramref name="version"/> and the rows set (or removed, when null).</summary>
    public Dictionary<string, string> With(int version, IEnumerable<KeyValuePair<string, MembershipRow?>> rows)
    {
        var updated = new Dictionary<string, string>(data, StringComparer.Ordinal)
        {
            [VersionKey] = version.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, row) in rows)
        {
            if (row is null)
            {
                updated.Remove(key);
            }
            else
            {
                updated[key] = JsonSerializer.Serialize(row, MembershipJsonContext.Default.MembershipRow);
            }
        }

        return updated;
    }

    private static MembershipRow ParseRow(string configMap, string key, string value)
    {
        try
        {
            return JsonSerializer.Deserialize(value, MembershipJsonContext.Default.MembershipRow)
                ?? throw new JsonException("the row is null");
        }
        catch (JsonException e)
        {
            throw new KubernetesClusteringException($"ConfigMap {configMap} key {key} is not a membership row: {e.Message}", e);
        }
    }
}
