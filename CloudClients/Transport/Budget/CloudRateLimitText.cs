using System.Globalization;
using Ccm.CloudClients.Endpoints;

namespace Ccm.CloudClients.Transport.Budget;

/// <summary>
/// The one-line form of the client-side budget, for a flag and for cloud-config:
/// <code>
/// SLB=10:20,SLB.CreateVServerGroup=90/60:6,VPC=10:20,ECS=0
/// </code>
/// <list type="bullet">
/// <item><c>entries = entry *("," entry)</c>; whitespace around any token is ignored; empty text has no entries.</item>
/// <item><c>entry = NAME "=" RATE [":" BURST]</c>.</item>
/// <item><c>NAME = PRODUCT ["." ACTION]</c>: <c>SLB</c>, <c>VPC</c> or <c>ECS</c> (any case), optionally with an API action
/// name (<c>SLB.DescribeLoadBalancers</c>). A product entry is one budget shared by that product's actions; an action
/// entry gives that action a budget of its own instead (its calls no longer draw from the product's).</item>
/// <item><c>RATE</c>: permits per second (<c>10</c>, <c>2.5</c>), or <c>COUNT/SECONDS</c> as the API reference prints
/// quotas (<c>90/60</c> = 90 per 60 s). <c>0</c> = unlimited.</item>
/// <item><c>BURST</c>: permits available at once, a whole number of at least 1; default one second's worth (at least 1).</item>
/// </list>
/// A name may appear once. Errors are <see cref="FormatException"/>s that quote the bad entry and say how to fix it.
/// </summary>
public static class CloudRateLimitText
{
    public const string Example = "SLB=10:20,SLB.CreateVServerGroup=90/60:6,VPC=10:20,ECS=20:40";

    /// <summary>Parses <paramref name="text"/> into entries keyed <c>PRODUCT</c> or <c>PRODUCT.Action</c> (product in upper case).</summary>
    /// <exception cref="FormatException">An entry is malformed; the message names it and the fix.</exception>
    public static IReadOnlyDictionary<string, CloudRateLimit> Parse(string? text)
    {
        var result = new Dictionary<string, CloudRateLimit>(StringComparer.OrdinalIgnoreCase);
        var firstSeen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(text))
        {
            return result;
        }

        var entries = text.Split(',');
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i].Trim();
            var number = i + 1;
            if (entry.Length == 0)
            {
                throw Error($"rate limit entry {number} is empty: remove the extra ','");
            }

            var (name, limit) = ParseEntry(entry);
            if (firstSeen.TryGetValue(name, out var earlier))
            {
                throw Error($"rate limit '{name}' appears twice (entries {earlier} and {number}): keep one");
            }

            firstSeen[name] = number;
            result[name] = limit;
        }

        return result;
    }

    /// <summary>The entries as one line, sorted by name: what the silo logs as its effective budget.</summary>
    public static string Format(IEnumerable<KeyValuePair<string, CloudRateLimit>> limits) =>
        string.Join(',', limits.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase).Select(p => $"{p.Key}={FormatValue(p.Value)}"));

    /// <summary><c>rate:burst</c>, or <c>0</c> for unlimited.</summary>
    public static string FormatValue(CloudRateLimit limit) =>
        limit.PermitsPerSecond <= 0
            ? "0"
            : string.Create(CultureInfo.InvariantCulture, $"{limit.PermitsPerSecond:0.###}:{limit.Burst}");

    private static (string Name, CloudRateLimit Limit) ParseEntry(string entry)
    {
        var equals = entry.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            throw Error($"rate limit entry '{entry}' has no '=': write NAME=RATE[:BURST], e.g. SLB=10:20");
        }

        var name = ParseName(entry, entry[..equals].Trim());
        var value = entry[(equals + 1)..];
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var rate = ParseRate(entry, (colon < 0 ? value : value[..colon]).Trim());
        var burst = colon < 0 ? DefaultBurst(rate) : ParseBurst(entry, value[(colon + 1)..].Trim());
        return (name, new CloudRateLimit { PermitsPerSecond = rate, Burst = burst });
    }

    private static string ParseName(string entry, string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var productName = dot < 0 ? name : name[..dot];
        var product = CloudProduct.All.FirstOrDefault(p => string.Equals(p.Name, productName, StringComparison.OrdinalIgnoreCase))
            ?? throw Error($"rate limit entry '{entry}': unknown product '{productName}'; use {string.Join(", ", CloudProduct.All.Select(p => p.Name))}, "
                + "optionally with an action, e.g. SLB.DescribeLoadBalancers=5:10");
        if (dot < 0)
        {
            return product.Name;
        }

        var action = name[(dot + 1)..];
        if (action.Length == 0 || !char.IsAsciiLetter(action[0]) || !action.All(char.IsAsciiLetterOrDigit))
        {
            throw Error($"rate limit entry '{entry}': '{action}' is not an API action name (ASCII letters and digits, starting with a letter), "
                + "e.g. SLB.DescribeLoadBalancers=5:10");
        }

        return $"{product.Name}.{action}";
    }

    private static double ParseRate(string entry, string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var rate = slash < 0
            ? Number(text)
            : Number(text[..slash].Trim()) / Number(text[(slash + 1)..].Trim().TrimEnd('s', 'S'));
        if (rate is null || double.IsNaN(rate.Value) || double.IsInfinity(rate.Value))
        {
            throw Error($"rate limit entry '{entry}': the rate '{text}' is not a number of permits per second; "
                + "write e.g. 10, 2.5, or 90/60 for 90 per 60 s");
        }

        if (rate < 0)
        {
            throw Error($"rate limit entry '{entry}': the rate '{text}' is negative; write 0 for unlimited or a positive rate");
        }

        return rate.Value;
    }

    private static int ParseBurst(string entry, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var burst) && burst >= 1
            ? burst
            : throw Error($"rate limit entry '{entry}': the burst '{text}' is not a whole number of at least 1; write e.g. SLB=10:20");

    private static double? Number(string text) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static int DefaultBurst(double rate) => rate <= 0 ? 1 : (int)Math.Max(1, Math.Ceiling(rate));

    private static FormatException Error(string message) => new($"{message} (syntax: {Example})");
}
