using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Ccm.Grains;
using Ccm.Silo.Options;

namespace Ccm.Silo.CloudConfiguration;

/// <summary>The fields of the cloud-config's <c>Global</c> section, one row each: the upstream name and how it is read.</summary>
internal static partial class GlobalFields
{
    private delegate CloudConfig Apply(CloudConfig config, ConfigNode value, string field, FieldReader reader);

    private const string AccessKeyId = "accessKeyID";
    private const string AccessKeySecret = "accessKeySecret";
    private const string ConcurrencyReason = "each Service, node and route table is its own grain; they reconcile concurrently without a worker count";
    private const string PrivateZoneReason = "used only by upstream's PrivateZone controller, which is not provided here";

    private static readonly FrozenDictionary<string, Apply> Fields = new Dictionary<string, Apply>
    {
        ["uid"] = (c, v, f, r) => c with { Uid = r.Text(v, f) },
        [AccessKeyId] = (c, _, _, _) => c, // read in pairs by Read
        [AccessKeySecret] = (c, _, _, _) => c,
        ["clusterID"] = (c, v, f, r) => c with { ClusterId = r.Text(v, f) ?? CloudConfig.DefaultClusterId },
        ["kubernetesClusterTag"] = (c, v, f, r) => c with { KubernetesClusterTag = r.Text(v, f) ?? CloudConfig.DefaultKubernetesClusterTag },
        ["region"] = (c, v, f, r) => c with { Region = Checked(r.Text(v, f), RegionOrZone(), v, f, r, "a region id", "cn-hangzhou") },
        ["zoneid"] = (c, v, f, r) => c with { ZoneId = Checked(r.Text(v, f), RegionOrZone(), v, f, r, "a zone id", "cn-hangzhou-k") },
        ["vpcid"] = (c, v, f, r) => c with { VpcId = Checked(r.Text(v, f), VpcIdPattern(), v, f, r, "a VPC id", "vpc-bp1abc") },
        ["vswitchid"] = (c, v, f, r) => c with { VSwitches = CloudConfigLists.VSwitches(r.Text(v, f), v, f, r) },
        ["resourceGroupID"] = (c, v, f, r) => c with { ResourceGroupId = r.Text(v, f) },
        ["routeTableIDs"] = (c, v, f, r) => c with { RouteTableIds = CloudConfigLists.RouteTables(r.Text(v, f), v, f, r) },
        ["serviceBackendType"] = (c, v, f, r) => c with { ServiceBackendType = BackendType(r.Text(v, f), v, f, r) },
        ["disablePublicSLB"] = (c, v, f, r) => c with { DisablePublicSlb = r.Bool(v, f) ?? false },
        ["serviceMaxConcurrentReconciles"] = (c, v, f, r) => c with { ServiceMaxConcurrentReconciles = r.Int(v, f, 1, 1000) ?? 3 },
        ["nodeMaxConcurrentReconciles"] = (c, v, f, r) => c with { NodeMaxConcurrentReconciles = r.Int(v, f, 1, 1000) ?? 1 },
        ["routeMaxConcurrentReconciles"] = (c, v, f, r) => c with { RouteMaxConcurrentReconciles = r.Int(v, f, 1, 1000) ?? 1 },
        ["featureGates"] = (c, v, f, r) => c with { FeatureGates = Gates(r.Text(v, f), v, f, r) },

        // Ours (upstream has no client-side budget): the same text as --cloud-api-rate-limits, which overrides it.
        ["cloudAPIRateLimits"] = (c, v, f, r) => c with { CloudApiRateLimits = RateLimits(r.Text(v, f), v, f, r) },

        // Known to upstream, unused here (node status periods, private zone records): accepted without a word.
        ["nodeMonitorPeriod"] = (c, _, _, _) => c,
        ["nodeAddrSyncPeriod"] = (c, _, _, _) => c,
        ["privateZoneId"] = (c, _, _, _) => c,
        ["privateZoneRecordTTL"] = (c, _, _, _) => c,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The fields that are ours alone (upstream has no client-side budget).</summary>
    public static readonly IReadOnlyList<string> OursOnly = ["cloudAPIRateLimits"];

    /// <summary>
    /// Every field of upstream's <c>Global</c> section (reference ccm-upstream.md §5) and why it has no effect here, null
    /// when it means what it means upstream: the README's compatibility table is rendered from it.
    /// </summary>
    public static readonly IReadOnlyList<(string Field, string? IgnoredReason)> Upstream =
    [
        ("uid", "upstream pairs it with the AccessKey for a service-token flow through an external binary, which is not provided; the AccessKey is used as it is"),
        (AccessKeyId, null), (AccessKeySecret, null), ("clusterID", null),
        ("kubernetesClusterTag", "upstream uses it only for a lookup that no longer runs; ownership is marked with clusterID"),
        ("region", null), ("zoneid", null), ("vpcid", null), ("vswitchid", null), ("resourceGroupID", null), ("routeTableIDs", null),
        ("serviceBackendType", null), ("disablePublicSLB", null),
        ("serviceMaxConcurrentReconciles", ConcurrencyReason), ("nodeMaxConcurrentReconciles", ConcurrencyReason), ("routeMaxConcurrentReconciles", ConcurrencyReason),
        ("featureGates", null),
        ("nodeMonitorPeriod", "unused upstream too"),
        ("nodeAddrSyncPeriod", "unused upstream too"),
        ("privateZoneId", PrivateZoneReason), ("privateZoneRecordTTL", PrivateZoneReason),
    ];

    /// <summary>Every field read, upstream's and ours, in their upstream spelling.</summary>
    public static IEnumerable<string> Names => Fields.Keys;

    /// <summary>The upstream spelling of a key matched case-insensitively, as Go's encoding/json matches it; null if unknown.</summary>
    public static string? Find(string key) => Fields.TryGetValue(key, out _) ? Fields.Keys.First(k => k.Equals(key, StringComparison.OrdinalIgnoreCase)) : null;

    public static CloudConfig Read(ConfigScalar globalKey, ConfigNode section, FieldReader reader)
    {
        var config = new CloudConfig();
        if (section is ConfigScalar { IsNull: true })
        {
            return config;
        }

        if (section is not ConfigMapping mapping)
        {
            reader.Fail(section, globalKey.Value, $"expected a mapping of fields, found {section.Kind}", "Write Global: {\"region\": \"...\", ...}");
            return config;
        }

        var secrets = new Dictionary<string, ConfigNode>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Entries)
        {
            var name = Find(key.Value);
            if (name is null)
            {
                var suggestion = EditDistance.Closest(key.Value, Fields.Keys);
                reader.Note(key, $"Global.{key.Value}", "unknown key, ignored" + (suggestion is null ? "" : $" (did you mean {suggestion}?)"), "Correct or remove it");
                continue;
            }

            if (name is AccessKeyId or AccessKeySecret)
            {
                secrets[name] = value;
                continue;
            }

            config = Fields[name](config, value, "Global." + name, reader);
        }

        return config with { AccessKey = ReadAccessKey(secrets, reader) };
    }

    /// <summary>Both or neither: a lone id or secret is a mistake that upstream would only reveal as failed signatures.</summary>
    private static CloudCredentials? ReadAccessKey(Dictionary<string, ConfigNode> nodes, FieldReader reader)
    {
        var errorsBefore = reader.Errors.Count;
        var id = nodes.TryGetValue(AccessKeyId, out var idNode) ? reader.Base64(idNode, "Global." + AccessKeyId, "AccessKey ID") : null;
        var secret = nodes.TryGetValue(AccessKeySecret, out var secretNode) ? reader.Base64(secretNode, "Global." + AccessKeySecret, "AccessKey secret") : null;
        if (reader.Errors.Count > errorsBefore)
        {
            return null;
        }

        if (id is not null && secret is not null)
        {
            return new CloudCredentials(id, secret) { Source = "cloud-config" };
        }

        var (present, missing, at) = id is not null ? (AccessKeyId, AccessKeySecret, idNode!) : (AccessKeySecret, AccessKeyId, secretNode!);
        if (id is not null || secret is not null)
        {
            reader.Fail(at, "Global." + present, $"set without Global.{missing}", "Set both, or remove both to use $ACCESS_KEY_ID/$ACCESS_KEY_SECRET or the instance's RAM role");
        }

        return null;
    }

    private static string? Checked(string? value, Regex pattern, ConfigNode node, string field, FieldReader reader, string what, string example)
    {
        if (value is not null && !pattern.IsMatch(value))
        {
            reader.Fail(node, field, $"\"{value}\" is not {what}", $"Write it like \"{example}\"");
            return null;
        }

        return value;
    }

    private static ServiceBackendType? BackendType(string? value, ConfigNode node, string field, FieldReader reader) => value?.ToLowerInvariant() switch
    {
        null => null,
        "ecs" => ServiceBackendType.Ecs,
        "eni" => ServiceBackendType.Eni,
        _ => Fail<ServiceBackendType?>(reader, node, field, $"\"{value}\" is not a backend type", "Write ecs (nodes as backends) or eni (pods as backends)"),
    };

    private static string? RateLimits(string? value, ConfigNode node, string field, FieldReader reader)
    {
        try
        {
            CloudClients.Transport.Budget.CloudRateLimitText.Parse(value);
            return value;
        }
        catch (FormatException e)
        {
            return Fail<string>(reader, node, field, e.Message, "Write entries such as SLB=10:20,SLB.CreateVServerGroup=90/60:6,ECS=20:40");
        }
    }

    private static FeatureGates Gates(string? value, ConfigNode node, string field, FieldReader reader)
    {
        if (value is null)
        {
            return FeatureGates.Empty;
        }

        if (FeatureGates.TryParse(value, out var gates, out var error))
        {
            foreach (var finding in gates.Findings())
            {
                reader.Note(node, field, finding, "Remove the setting, or correct the gate's name");
            }

            return gates;
        }

        return Fail<FeatureGates>(reader, node, field, error, "Write Name=true,Other=false") ?? FeatureGates.Empty;
    }

    private static T? Fail<T>(FieldReader reader, ConfigNode node, string field, string problem, string fix)
    {
        reader.Fail(node, field, problem, fix);
        return default;
    }

    [GeneratedRegex("^[a-z]{2}-[a-z0-9-]+$")]
    private static partial Regex RegionOrZone();

    [GeneratedRegex("^vpc-[a-z0-9]+$")]
    private static partial Regex VpcIdPattern();
}
