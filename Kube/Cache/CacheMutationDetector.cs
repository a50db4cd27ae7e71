using System.Buffers.Binary;
using System.Security.Cryptography;
using k8s;
using k8s.Models;

namespace Ccm.Kube.Cache;

/// <summary>
/// Catches code that changes a cached object in place (client-go's cache mutation detector, same switch:
/// <c>KUBE_CACHE_MUTATION_DETECTOR=true</c>). Each object is fingerprinted (its JSON, hashed) when stored, and checked
/// when the informer replaces or drops it; a difference throws <see cref="CachedObjectMutatedException"/> on the
/// informer's loop and fails the test that caused it. Off in production: it serialises every object twice.
/// </summary>
public static class CacheMutationDetector
{
    public static bool EnabledByEnvironment { get; } =
        string.Equals(Environment.GetEnvironmentVariable("KUBE_CACHE_MUTATION_DETECTOR"), "true", StringComparison.OrdinalIgnoreCase);

    public static ulong Fingerprint<T>(T obj)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        BinaryPrimitives.ReadUInt64LittleEndian(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(KubernetesJson.Serialize(obj))));
}

/// <summary>A cached object changed while in the cache: somebody mutated a shared KubernetesClient model.</summary>
public sealed class CachedObjectMutatedException(string key)
    : InvalidOperationException($"the cached object {key} was changed in place; cached objects are shared and must not be mutated (build a patch or a copy)");
