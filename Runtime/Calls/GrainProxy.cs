using System.Reflection;

namespace Ccm.Runtime;

/// <summary>
/// The object behind a grain reference: every interface call becomes a queued turn of the target activation.
/// Holds only the identity, so references are cheap and may be kept or re-created at will.
/// </summary>
public class GrainProxy : DispatchProxy
{
    private GrainFactory? factory;
    private GrainType? type;
    private string key = "";

    /// <summary>The id of the grain this reference addresses.</summary>
    public GrainId GrainId => new(type!.Name, key);

    public override string ToString() => $"reference to {GrainId}";

    internal static object Create(GrainFactory factory, GrainType type, string key)
    {
        var proxy = (GrainProxy)Create(type.Interface, typeof(GrainProxy));
        proxy.factory = factory;
        proxy.type = type;
        proxy.key = key;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (!type!.Methods.TryGetValue(targetMethod, out var method))
        {
            throw new NotSupportedException($"{targetMethod.Name} is not a method of grain interface {type.Interface.Name}");
        }

        return method.Send(factory!, type, key, args ?? []);
    }
}
