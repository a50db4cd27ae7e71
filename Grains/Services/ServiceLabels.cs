using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Ccm.Kube.Client;
using k8s;
using k8s.Models;

namespace Ccm.Grains.Services;

/// <summary>
/// The two labels upstream's CLB controller puts on a Service it has reconciled (reference ccm-upstream.md §2,
/// "Change detection"), which users' scripts select and compare on: the load balancer's id, and a hash of the Service
/// fields that shape the load balancer. We do not use the hash ourselves (every turn compares desired with actual);
/// it is written for those scripts and removed, with the id, when the Service gives its load balancer up.
/// </summary>
public static class ServiceLabels
{
    public const string LoadBalancerId = "service.k8s.alibaba/loadbalancer-id";

    public const string Hash = "service.beta.kubernetes.io/hash";

    /// <summary>Both labels: ours to write, so a change of them alone is no reason to reconcile again.</summary>
    public static readonly ImmutableArray<string> Ours = [LoadBalancerId, Hash];

    /// <summary>
    /// Upstream's inputs (ports, type, external traffic policy, load balancer class, every annotation but our own
    /// bookkeeping ones (<see cref="ServiceRecords.Annotations"/>, which upstream does not write), the deletion
    /// timestamp, source ranges when set), canonical JSON, SHA-256 as 56 lower-case hex digits: the length of
    /// upstream's SHA-224 value and within a label value's 63 characters. Equal inputs give equal hashes and any change
    /// of them a new one; the digits themselves are not upstream's (it hashes a YAML rendering with SHA-224).
    /// </summary>
    public static string HashOf(V1Service service)
    {
        var annotations = new JsonObject();
        foreach (var (key, value) in (service.Metadata.Annotations ?? new Dictionary<string, string>())
            .Where(a => !ServiceRecords.Annotations.Contains(a.Key)).OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            annotations[key] = value;
        }

        var inputs = new JsonObject
        {
            ["ports"] = JsonNode.Parse(KubernetesJson.Serialize(service.Spec?.Ports ?? [])),
            ["type"] = service.Spec?.Type,
            ["externalTrafficPolicy"] = service.Spec?.ExternalTrafficPolicy,
            ["loadBalancerClass"] = service.Spec?.LoadBalancerClass,
            ["annotations"] = annotations,
            ["deletionTimestamp"] = service.Metadata.DeletionTimestamp?.ToUniversalTime().ToString("O"),
            ["loadBalancerSourceRanges"] = service.Spec?.LoadBalancerSourceRanges is { Count: > 0 } ranges
                ? new JsonArray([.. ranges.Select(r => JsonValue.Create(r))])
                : null,
        };
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(inputs.ToJsonString()));
        return Convert.ToHexStringLower(digest)[..56];
    }

    /// <summary>The labels a Service served by <paramref name="loadBalancerId"/> should carry, or null when it carries them.</summary>
    public static IReadOnlyDictionary<string, string?>? ToSet(V1Service service, string? loadBalancerId)
    {
        var wanted = new Dictionary<string, string?>(StringComparer.Ordinal) { [Hash] = HashOf(service) };
        if (!string.IsNullOrEmpty(loadBalancerId))
        {
            wanted[LoadBalancerId] = loadBalancerId;
        }

        return wanted.All(w => service.Metadata.Labels.ValueOrNull(w.Key) == w.Value) ? null : wanted;
    }

    /// <summary>Both labels removed (null values), or null when the Service carries neither.</summary>
    public static IReadOnlyDictionary<string, string?>? ToRemove(V1Service service) =>
        Ours.Any(l => service.Metadata.Labels.ValueOrNull(l) is not null) ? Ours.ToDictionary(l => l, string? (_) => null, StringComparer.Ordinal) : null;
}
