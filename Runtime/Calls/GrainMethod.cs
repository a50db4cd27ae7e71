using System.Reflection;

namespace Ccm.Runtime;

/// <summary>
/// One method of a grain interface: how a proxy turns a call into a queued turn, and how the turn invokes the
/// grain. Built once per registered type (reflection happens at registration, not per call).
/// </summary>
internal sealed class GrainMethod
{
    private delegate object Sender(GrainFactory factory, GrainType type, string key, GrainMethod method, object?[] arguments);

    private readonly Sender send;

    private GrainMethod(MethodInfo method, Sender send)
    {
        Method = method;
        this.send = send;
    }

    public MethodInfo Method { get; }

    public string Name => Method.Name;

    /// <summary>Dispatches a call from a proxy; returns the <see cref="Task"/> the caller awaits.</summary>
    public object Send(GrainFactory factory, GrainType type, string key, object?[] arguments) =>
        send(factory, type, key, this, arguments);

    /// <summary>Runs the method on the activation's grain (inside its turn); exceptions are not wrapped.</summary>
    public Task Invoke(Grain grain, object?[] arguments) =>
        (Task)Method.Invoke(grain, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null)!;

    public static GrainMethod Create(MethodInfo method)
    {
        var returnType = method.ReturnType;
        if (method.IsGenericMethodDefinition)
        {
            throw new ArgumentException($"{method.DeclaringType?.Name}.{method.Name}: generic grain methods are not supported");
        }

        if (returnType == typeof(Task))
        {
            return new GrainMethod(method, SendTyped<object?>);
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            var typed = typeof(GrainMethod).GetMethod(nameof(SendTyped), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(returnType.GetGenericArguments()[0])
                .CreateDelegate<Sender>();
            return new GrainMethod(method, typed);
        }

        throw new ArgumentException(
            $"{method.DeclaringType?.Name}.{method.Name} returns {returnType.Name}: grain methods must return Task or Task<T> (a call is a turn that completes later)");
    }

    private static Task<T> SendTyped<T>(GrainFactory factory, GrainType type, string key, GrainMethod method, object?[] arguments) =>
        factory.CallAsync<T>(type, key, method, arguments);
}
