namespace Ccm.GrainInterfaces;

/// <summary>How grain keys are formed, in one place.</summary>
public static class GrainKeys
{
    /// <summary>The key of the watcher grain of the silo at <paramref name="siloAddress"/> (one per silo).</summary>
    public static string Watcher(string siloAddress) => $"watcher/{siloAddress}";

    /// <summary>A Service grain's key: <c>namespace/name</c>.</summary>
    public static string Service(string @namespace, string name) => $"{@namespace}/{name}";

    /// <summary>Splits a Service grain key back into namespace and name.</summary>
    public static (string Namespace, string Name) ParseService(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash <= 0 || slash == key.Length - 1
            ? throw new ArgumentException($"a Service grain key is namespace/name, not \"{key}\"", nameof(key))
            : (key[..slash], key[(slash + 1)..]);
    }
}
