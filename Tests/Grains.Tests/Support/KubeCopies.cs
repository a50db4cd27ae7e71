using k8s;

namespace Ccm.Grains.Tests.Support;

/// <summary>
/// The tests' stand-in for the old records' <c>with { ... }</c>: KubernetesClient's models are mutable and a cache
/// shares them, so a changed object is always a deep copy (through KubernetesClient's own JSON) with the change applied
/// to the copy. An object a cache already handed out is never touched.
/// </summary>
public static class KubeCopies
{
    public static T Clone<T>(this T obj, Action<T>? change = null)
        where T : class
    {
        var copy = KubernetesJson.Deserialize<T>(KubernetesJson.Serialize(obj));
        change?.Invoke(copy);
        return copy;
    }
}
