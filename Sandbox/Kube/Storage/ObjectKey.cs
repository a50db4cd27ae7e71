namespace Ccm.Sandbox.Kube.Storage;

/// <summary>
/// The key of an object within its kind: <c>namespace/name</c>, or <c>name</c> for cluster-scoped kinds. Keys sort
/// ordinally, so a list comes out ordered by namespace then name, as etcd returns it.
/// </summary>
internal static class ObjectKey
{
    public static string Of(string? ns, string name) => string.IsNullOrEmpty(ns) ? name : $"{ns}/{name}";
}
