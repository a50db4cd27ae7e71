namespace Ccm.Runtime;

/// <summary>
/// Pins the durable name of a grain type. Without it the name is the interface's name. The name is part of every
/// grain id, so it decides the shard a grain lives on and the keys its reminders are stored under: rename an
/// interface freely once this attribute holds the old name (Orleans' <c>[GrainType]</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Interface, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
