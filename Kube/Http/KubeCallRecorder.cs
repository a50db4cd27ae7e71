using System.Collections.Concurrent;

namespace Ccm.Kube.Http;

/// <summary>Every distinct call made, with counts: what the process actually needs from RBAC.</summary>
public sealed class KubeCallRecorder : IKubeCallObserver
{
    private readonly ConcurrentDictionary<KubeCall, long> calls = new();

    /// <summary>Distinct calls, ordered by group, resource, verb and namespace.</summary>
    public IReadOnlyList<KubeCall> Calls =>
        [.. calls.Keys.OrderBy(c => c.ApiGroup, StringComparer.Ordinal)
            .ThenBy(c => c.RbacResource, StringComparer.Ordinal)
            .ThenBy(c => c.Verb, StringComparer.Ordinal)
            .ThenBy(c => c.Namespace, StringComparer.Ordinal)
            .ThenBy(c => c.Name, StringComparer.Ordinal)];

    public IReadOnlyDictionary<KubeCall, long> Counts => calls.ToDictionary();

    /// <summary>The (group, resource, verb) triples used, as RBAC rules grant them.</summary>
    public IReadOnlySet<(string ApiGroup, string Resource, string Verb)> Permissions =>
        calls.Keys.Select(c => (c.ApiGroup, c.RbacResource, c.Verb)).ToHashSet();

    public void OnCall(KubeCall call) => calls.AddOrUpdate(call, 1, (_, n) => n + 1);
}
