namespace Ccm.Runtime;

/// <summary>
/// Marker for grain interfaces. A grain is addressed by its interface (the grain type) and a key; the runtime
/// activates it on first use, so a reference is logical and never "null" or "dead" (Orleans' virtual actors).
/// </summary>
public interface IGrain
{
}

/// <summary>
/// A grain addressed by a string key, read inside the grain with <see cref="Grain.GetPrimaryKeyString"/>.
/// Keys are scoped per grain type; a fixed key such as <c>"default"</c> is the singleton convention.
/// </summary>
public interface IGrainWithStringKey : IGrain
{
}
