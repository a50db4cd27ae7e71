using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ccm.Silo.Hosting;
using Ccm.Silo.Tests.Support;
using Ccm.TestSupport;

namespace Ccm.Silo.Tests.Metrics;

/// <summary>One series of a family as the parser reports it: a value, or a histogram's cumulative buckets, sum and count.</summary>
public sealed record ScrapedSeries(
    Dictionary<string, string> Labels, double? Value, Dictionary<string, double>? Buckets, double? Sum, double? Count)
{
    /// <summary>A histogram's bucket bounds, in ascending order (the JSON keeps them in no particular one).</summary>
    public IReadOnlyList<double> Bounds => [.. (Buckets ?? []).Keys.Select(Bound).Order()];

    /// <summary>An <c>le</c> value as a number: <c>500</c> and OpenMetrics' <c>500.0</c> are the same bound.</summary>
    public static double Bound(string le) => le == "+Inf" ? double.PositiveInfinity : double.Parse(le, CultureInfo.InvariantCulture);
}

/// <summary>A metric family: its Prometheus type, help text and series.</summary>
public sealed record ScrapedFamily(string Type, string Help, IReadOnlyList<ScrapedSeries> Data)
{
    /// <summary>The one series whose labels include all of <paramref name="labels"/>.</summary>
    public ScrapedSeries Series(params (string Name, string Value)[] labels) =>
        Assert.Single(Data, s => labels.All(l => s.Labels.GetValueOrDefault(l.Name) == l.Value));
}

/// <summary>
/// A <c>/metrics</c> answer read by a real Prometheus text-format parser (the npm package <c>prom2javascript</c>, run by
/// <c>Tests/interop/prometheus/parse.js</c>), not by a reader of ours: what it cannot parse fails the test.
/// </summary>
public sealed class Scrape
{
    public const string OpenMetrics = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { NumberHandling = JsonNumberHandling.AllowReadingFromString };

    private Scrape(string text, string contentType, IReadOnlyDictionary<string, ScrapedFamily> families)
    {
        Text = text;
        ContentType = contentType;
        Families = families;
    }

    public string Text { get; }

    public string ContentType { get; }

    public IReadOnlyDictionary<string, ScrapedFamily> Families { get; }

    public ScrapedFamily this[string name] => Families.TryGetValue(name, out var family)
        ? family
        : throw new Xunit.Sdk.XunitException($"no family {name} in the scrape; it has {string.Join(", ", Families.Keys.Order(StringComparer.Ordinal))}");

    /// <summary>GETs <c>/metrics</c> from <paramref name="metricsUrl"/>'s listener, as Prometheus would with <paramref name="accept"/>.</summary>
    public static async Task<Scrape> FromAsync(HttpClient http, Uri metricsUrl, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(metricsUrl, "/metrics"));
        if (accept is not null)
        {
            request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        }

        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await ParseAsync(await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType!.ToString());
    }

    public static Task<Scrape> FromAsync(TestSilo silo, string? accept = null) => FromAsync(silo.Http, silo.Url(ListenerRoles.Metrics, "/"), accept);

    public static async Task<Scrape> ParseAsync(string text, string contentType)
    {
        var parsed = await ProcessRunner.RunAsync("node", [Path.Combine("prometheus", "parse.js")], workingDirectory: RepoPaths.Interop, standardInput: text);
        Assert.True(parsed.ExitCode == 0, $"the parser refused the scrape: {parsed.StandardError}\n--- scrape\n{text}");
        var families = JsonSerializer.Deserialize<Dictionary<string, ScrapedFamily>>(parsed.StandardOutput, Json)!;
        return new Scrape(text, contentType, families);
    }
}
