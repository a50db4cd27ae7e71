using System.Text;

namespace Ccm.EndToEnd.Tests.Chaos;

/// <summary>
/// Looks for secrets in what the CCM shows anyone: the AccessKey secret (as given and base64, as the cloud-config holds
/// it), every STS security token and secret the metadata service issued, and the Kubernetes bearer token. Each text is
/// scanned once, with where it came from; a hit names the source and the kind of secret, never the secret.
/// </summary>
internal sealed class SecretScan
{
    private readonly List<(string Kind, string Value)> secrets = [];
    private readonly List<string> hits = [];
    private readonly Dictionary<string, long> scanned = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Hits
    {
        get
        {
            lock (hits)
            {
                return [.. hits];
            }
        }
    }

    /// <summary>How much was scanned, by kind of source (log lines, Events, metric scrapes...).</summary>
    public IReadOnlyDictionary<string, long> Scanned
    {
        get
        {
            lock (hits)
            {
                return scanned.ToDictionary(StringComparer.Ordinal);
            }
        }
    }

    public void Add(string kind, string? value)
    {
        // Short values would match by chance; every real secret here is 20 characters or more.
        if (value is { Length: >= 16 })
        {
            lock (hits)
            {
                if (secrets.Any(s => s.Value == value))
                {
                    return;
                }

                secrets.Add((kind, value));
                if (kind == "AccessKey secret")
                {
                    secrets.Add((kind + " (base64)", Convert.ToBase64String(Encoding.UTF8.GetBytes(value))));
                }
            }
        }
    }

    /// <summary>Scans <paramref name="text"/> (one item of <paramref name="sourceKind"/>, from <paramref name="source"/>).</summary>
    public void Scan(string sourceKind, string source, string text, int items = 1)
    {
        lock (hits)
        {
            scanned[sourceKind] = scanned.GetValueOrDefault(sourceKind) + items;
            foreach (var (kind, value) in secrets)
            {
                if (text.Contains(value, StringComparison.Ordinal))
                {
                    hits.Add($"{kind} in {source}");
                }
            }
        }
    }
}
