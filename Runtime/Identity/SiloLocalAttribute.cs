namespace Ccm.Runtime;

/// <summary>
/// Grains of this type belong to no shard: every silo activates its own, and they run from silo start to silo stop
/// (e.g. a watcher that fills the silo's own cache). Use a key that names the purpose, not the silo. Signals and
/// calls to them never cross silos, and a shard moving does not touch them.
/// </summary>
[AttributeUsage(AttributeTargets.Interface, Inherited = false)]
public sealed class SiloLocalAttribute : Attribute
{
}
