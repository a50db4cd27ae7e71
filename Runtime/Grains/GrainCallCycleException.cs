namespace Ccm.Runtime;

/// <summary>
/// A call would wait for a turn that is itself waiting for the caller (a grain calling itself, or A calling B calling
/// A). Turns are non-reentrant, so Orleans deadlocks here until its 30 s response timeout; this runtime fails the
/// call at once instead. Signal yourself (<see cref="IGrainFactory.Signal{T}"/>) or restructure the calls.
/// </summary>
public sealed class GrainCallCycleException : InvalidOperationException
{
    public GrainCallCycleException(GrainId target, IReadOnlyList<GrainId> callChain)
        : base($"call to {target} would deadlock: it is already waiting in the call chain {string.Join(" -> ", callChain)}")
    {
        Target = target;
        CallChain = callChain;
    }

    public GrainCallCycleException()
    {
        CallChain = [];
    }

    public GrainCallCycleException(string message)
        : base(message)
    {
        CallChain = [];
    }

    public GrainCallCycleException(string message, Exception innerException)
        : base(message, innerException)
    {
        CallChain = [];
    }

    public GrainId Target { get; }

    public IReadOnlyList<GrainId> CallChain { get; }
}
