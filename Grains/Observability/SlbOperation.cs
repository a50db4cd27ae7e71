using k8s.Models;
using StableHash = Ccm.Grains.Placement.StableHash;

namespace Ccm.Grains.Observability;

/// <summary>
/// What a Service turn does in upstream's terms (<c>clbv1/service_controller.go</c>): the verb, when the operation
/// began (its latency's origin), and the episode it belongs to, so each outcome is counted once per Service and episode
/// rather than once per retry or resync (upstream's <c>UniqueServiceCnt</c> means to do that: creation and deletion are
/// one episode each, an update one per version of the spec and annotations).
/// </summary>
/// <param name="Uid">The Service's UID.</param>
/// <param name="Verb">Upstream's verb for this turn.</param>
/// <param name="Episode">Equal for the turns of one operation on one Service.</param>
/// <param name="Since">Creation: the Service's creation; Deletion: its deletionTimestamp; Update: null (the turn's own start).</param>
/// <param name="Final">After this operation succeeds the Service is no longer ours to count (deleted, or cleaned up).</param>
public sealed record SlbOperation(string Uid, SlbVerb Verb, string Episode, DateTimeOffset? Since, bool Final)
{
    /// <summary>Upstream's rule, in its order: deletionTimestamp set, else no ingress yet, else an update.</summary>
    public static SlbOperation Of(V1Service service, bool cleanup)
    {
        var metadata = service.Metadata;
        var uid = metadata.Uid ?? $"{metadata.NamespaceProperty}/{metadata.Name}";
        if (metadata.DeletionTimestamp is { } deleting)
        {
            return new(uid, SlbVerb.Deletion, nameof(SlbVerb.Deletion), Utc(deleting), Final: true);
        }

        if (service.Status?.LoadBalancer?.Ingress is not { Count: > 0 })
        {
            return new(uid, SlbVerb.Creation, nameof(SlbVerb.Creation), metadata.CreationTimestamp is { } created ? Utc(created) : null, cleanup);
        }

        return new(uid, SlbVerb.Update, $"{nameof(SlbVerb.Update)}/{metadata.Generation}/{AnnotationsHash(metadata)}", null, cleanup);
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static ulong AnnotationsHash(V1ObjectMeta metadata) =>
        StableHash.Of(string.Join('\n', (metadata.Annotations ?? new Dictionary<string, string>())
            .OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key + "=" + a.Value)));
}
