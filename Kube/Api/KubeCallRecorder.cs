using System.Collections.Concurrent;

namespace Ccm.Kube.Api;

/// <summary>
/// Collects the distinct calls a process made, e.g. to compare with the ClusterRole the Helm chart grants.
/// Thread-safe; the set only grows.
/// </summary>
public sealed class KubeCallRecorder : IKubeCallObserver
{
    private readonly ConcurrentDictionary<KubeCall, long> calls = new();

    /// <summary>Every distinct call seen so far, ordered by group, resource, verb.</summary>
    public IReadOnlyList<KubeCall> Calls =>
        [.. calls.Keys.OrderBy(c => c.ApiGroup, StringComparer.Ordinal)
            .ThenBy(c => c.RbacResource, StringComparer.Ordinal)
            .ThenBy(c => c.Verb, StringComparer.Ordinal)
            .ThenBy(c => c.Namespace, StringComparer.Ordinal)];

    /// <summary>How many times each distinct call was made.</summary>
    public IReadOnlyDictionary<KubeCall, long> Counts => calls.ToDictionary();

    /// <summary>The distinct (apiGroup, resource[/subresource], verb) triples, namespace ignored, as RBAC rules name them.</summary>
    public IReadOnlySet<(string ApiGroup, string Resource, string Verb)> Permissions =>
        calls.Keys.Select(c => (c.ApiGroup, c.RbacResource, c.Verb)).ToHashSet();

    public void OnCall(KubeCall call) => calls.AddOrUpdate(call, 1, (_, n) => n + 1);
}
