using System.Collections.Frozen;
using System.Reflection;

namespace Ccm.Runtime;

/// <summary>A registered grain type: its interface, implementation, durable name, placement and callable methods.</summary>
internal sealed class GrainType
{
    private GrainType(Type grainInterface, Type implementation, string name, GrainPlacement placement, FrozenDictionary<MethodInfo, GrainMethod> methods)
    {
        Interface = grainInterface;
        Implementation = implementation;
        Name = name;
        Placement = placement;
        Methods = methods;
        IsReconciler = typeof(IReconcilerGrain).IsAssignableFrom(grainInterface);
    }

    public Type Interface { get; }

    public Type Implementation { get; }

    /// <summary>The durable type name: <see cref="GrainTypeAttribute"/> or the interface's name.</summary>
    public string Name { get; }

    public GrainPlacement Placement { get; }

    public bool IsReconciler { get; }

    /// <summary>Every interface method (inherited ones too), keyed as a proxy sees them.</summary>
    public FrozenDictionary<MethodInfo, GrainMethod> Methods { get; }

    public static string NameOf(Type grainInterface) =>
        grainInterface.GetCustomAttribute<GrainTypeAttribute>(inherit: false)?.Name ?? grainInterface.Name;

    /// <summary>Checks a registration and builds its type; throws with the rule that was broken.</summary>
    public static GrainType Create(GrainRegistration registration)
    {
        var (iface, impl) = (registration.Interface, registration.Implementation);
        if (!iface.IsInterface || !typeof(IGrainWithStringKey).IsAssignableFrom(iface) || iface.IsGenericType)
        {
            throw new ArgumentException($"{iface.Name} must be a non-generic interface deriving from IGrainWithStringKey");
        }

        if (impl.IsAbstract || !typeof(Grain).IsAssignableFrom(impl) || !iface.IsAssignableFrom(impl))
        {
            throw new ArgumentException($"{impl.Name} must be a concrete class deriving from Grain and implementing {iface.Name}");
        }

        if (typeof(IReconcilerGrain).IsAssignableFrom(iface) && !typeof(ReconcilerGrain).IsAssignableFrom(impl))
        {
            throw new ArgumentException($"{impl.Name} implements the reconciler interface {iface.Name}, so it must derive from ReconcilerGrain");
        }

        var methods = new[] { iface }.Concat(iface.GetInterfaces())
            .SelectMany(i => i.GetMethods())
            .ToFrozenDictionary(m => m, GrainMethod.Create);
        return new GrainType(iface, impl, NameOf(iface), GrainPlacement.Of(iface), methods);
    }

    public override string ToString() => Name;
}
