using System.Text;
using Ccm.Kube.Cache;
using k8s;
using k8s.Models;

namespace Ccm.Grains.Watcher;

/// <summary>
/// Whether a Service or EndpointSlice change can matter to a Service grain. Status writes (ours, mostly) and
/// resourceVersion bumps alone do not; spec, identity, labels, annotations and finalizers do (upstream's
/// <c>needsUpdate</c> compares the same fields, and "any annotation" among them).
/// </summary>
public static class ObjectChanges
{
    public static bool ServiceDiffers(V1Service? old, V1Service? @new) =>
        old is null || @new is null
        || old.Metadata.Uid != @new.Metadata.Uid
        || old.Metadata.DeletionTimestamp != @new.Metadata.DeletionTimestamp
        || !OthersFinalizers(old).SequenceEqual(OthersFinalizers(@new))
        || !SameMap(OthersLabels(old), OthersLabels(@new))
        || !SameMap(OthersAnnotations(old), OthersAnnotations(@new))
        || !SameJson(old.Spec, @new.Spec, static s => Encoding.UTF8.GetBytes(KubernetesJson.Serialize(s)));

    /// <summary>Endpoints, ports, address type or the owning Service changed.</summary>
    public static bool EndpointSliceDiffers(V1EndpointSlice? old, V1EndpointSlice? @new) =>
        old is null || @new is null
        || old.AddressType != @new.AddressType
        || ServiceName(old) != ServiceName(@new)
        || !SameJson(old, @new, static s => Encoding.UTF8.GetBytes(KubernetesJson.Serialize(new { s.Endpoints, s.Ports })));

    /// <summary>The Service a slice belongs to, from its <c>kubernetes.io/service-name</c> label.</summary>
    public static string? ServiceName(V1EndpointSlice slice) =>
        slice.Metadata.Labels is { } labels && labels.TryGetValue(KubeIndexes.ServiceNameLabel, out var name) && name.Length > 0 ? name : null;

    // Our own finalizer comes and goes by our own writes: seeing it wake the grain again would cost a read-only turn
    // (four reads) after every create. What it guards is decided by the deletionTimestamp, which is compared.
    private static IEnumerable<string> OthersFinalizers(V1Service service) =>
        (service.Metadata.Finalizers ?? []).Where(f => f != Services.ServicePredicates.Finalizer);

    // Our bookkeeping annotations change only by our own writes, after the turn that decided them: like the finalizer.
    private static Dictionary<string, string>? OthersAnnotations(V1Service service) =>
        service.Metadata.Annotations?.Where(a => !Services.ServiceRecords.Annotations.Contains(a.Key)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);

    // Likewise upstream's id and hash labels, which we write at the end of a turn that changed nothing they depend on.
    private static Dictionary<string, string> OthersLabels(V1Service service) =>
        (service.Metadata.Labels ?? new Dictionary<string, string>()).Where(l => !Services.ServiceLabels.Ours.Contains(l.Key))
            .ToDictionary(StringComparer.Ordinal);

    private static bool SameJson<T>(T? a, T? b, Func<T, byte[]> serialize)
        where T : class =>
        a is null || b is null ? a is null && b is null : serialize(a).AsSpan().SequenceEqual(serialize(b));

    private static bool SameMap(Dictionary<string, string>? a, Dictionary<string, string>? b) =>
        (a?.Count ?? 0) == (b?.Count ?? 0) && (a is null || a.All(kv => b!.TryGetValue(kv.Key, out var v) && v == kv.Value));
}
