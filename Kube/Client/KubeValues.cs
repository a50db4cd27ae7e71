using System.Globalization;
using k8s.Models;

namespace Ccm.Kube.Client;

/// <summary>Reading KubernetesClient's loosely typed values: label/annotation maps and int-or-string ports.</summary>
public static class KubeValues
{
    /// <summary>The value of <paramref name="key"/>, or null when the map or the key is absent.</summary>
    public static string? ValueOrNull(this IDictionary<string, string>? map, string key) =>
        map is not null && map.TryGetValue(key, out var value) ? value : null;

    /// <summary>The map as a read-only view (no copy when it already is one), or null.</summary>
    public static IReadOnlyDictionary<string, string>? ReadOnly(this IDictionary<string, string>? map) =>
        map as IReadOnlyDictionary<string, string> ?? map?.ToDictionary(StringComparer.Ordinal);

    /// <summary>The number of a numeric int-or-string (a port number), or null for a name or nothing.</summary>
    public static int? Number(this IntOrString? value) =>
        int.TryParse(value?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
}
