using System.Collections;
using System.Collections.Immutable;

namespace Ccm.CloudClients.Endpoints;

/// <summary>
/// The environment variables the cloud clients read (<c>SLB_ENDPOINT</c>, <c>ALICLOUD_CLIENT_SCHEME</c>,
/// <c>METADATA_ENDPOINT</c>, <c>ACCESS_KEY_ID</c>, ...), as an injectable value rather than static reads, so tests
/// and the silo's sandbox mode can point the clients somewhere else without touching the process environment.
/// </summary>
public sealed class CloudEnvironment
{
    public const string SlbEndpoint = "SLB_ENDPOINT";
    public const string VpcEndpoint = "VPC_ENDPOINT";
    public const string EcsEndpoint = "ECS_ENDPOINT";
    public const string ClientScheme = "ALICLOUD_CLIENT_SCHEME";
    public const string MetadataEndpoint = "METADATA_ENDPOINT";
    public const string AccessKeyId = "ACCESS_KEY_ID";
    public const string AccessKeySecret = "ACCESS_KEY_SECRET";

    private readonly ImmutableDictionary<string, string> variables;

    public CloudEnvironment(IEnumerable<KeyValuePair<string, string>> variables)
    {
        this.variables = variables.ToImmutableDictionary(StringComparer.Ordinal);
    }

    public static CloudEnvironment Empty { get; } = new([]);

    /// <summary>A snapshot of the process environment, taken once (the upstream CCM also reads these at start-up).</summary>
    public static CloudEnvironment FromProcess()
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && entry.Value is string value)
            {
                pairs.Add(KeyValuePair.Create(key, value));
            }
        }

        return new CloudEnvironment(pairs);
    }

    /// <summary>The value, or null when unset or blank (blank is treated as unset, as the Go CCM does with <c>os.Getenv</c> checks).</summary>
    public string? Get(string name) =>
        variables.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public CloudEnvironment With(string name, string value) => new(variables.SetItem(name, value));

    // The environment can hold secrets (ACCESS_KEY_SECRET), so only the names of what is set are printed.
    public override string ToString() => $"CloudEnvironment {{ {string.Join(", ", variables.Keys.Order(StringComparer.Ordinal))} }}";
}
