using System.Globalization;

namespace Ccm.EndToEnd.Tests;

/// <summary>A silo's Prometheus scrape, read for the few families the tests look at.</summary>
public static class MetricsScrape
{
    /// <summary>
    /// The samples of the family <paramref name="name"/> by their label text (<c>grain_type="node"</c>; "" without
    /// labels), from <c>GET {metrics}</c>.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, double>> SamplesAsync(HttpClient http, Uri metrics, string name)
    {
        var text = await http.GetStringAsync(metrics);
        var samples = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(name, StringComparison.Ordinal) && line.Length > name.Length && line[name.Length] is '{' or ' ')
            {
                var labels = line[name.Length] == '{' ? line[(name.Length + 1)..line.IndexOf('}', StringComparison.Ordinal)] : "";
                samples[labels] = double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
            }
        }

        return samples;
    }
}
