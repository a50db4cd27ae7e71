namespace Ccm.CloudClients.Transport;

/// <summary>Whether an action changes cloud state. Writes are refused in read-only mode.</summary>
public enum ActionKind
{
    Read,
    Write,
}

/// <summary>
/// What makes repeating a write safe; decides which failures the transport may retry (<see cref="RetryPolicy"/>).
/// </summary>
public enum WriteSafety
{
    /// <summary>A read: repeating it changes nothing.</summary>
    NotAWrite,

    /// <summary>
    /// Carries a <c>ClientToken</c>: the service returns the first result for a repeated token, so a retry after a
    /// lost response (timeout, 5xx after commit) cannot create a second resource.
    /// </summary>
    IdempotentByClientToken,

    /// <summary>
    /// Sets an absolute state (a name, a protection flag, listener attributes, tags) or deletes: doing it twice leaves
    /// the same state. A repeated delete may answer "not found", which callers treat as already gone.
    /// </summary>
    IdempotentByEffect,

    /// <summary>
    /// Neither (creates without a token, backend additions): retried only on failures that prove the service did
    /// not apply it (throttling, busy/conflict rejections, a connection never established). Anything else goes back
    /// to the caller, which re-reads the cloud before deciding again.
    /// </summary>
    NotIdempotent,
}

/// <summary>An API action with its kind and retry-safety; every typed client declares its actions as these.</summary>
public sealed record CloudAction(string Name, ActionKind Kind, WriteSafety Safety)
{
    public static CloudAction Read(string name) => new(name, ActionKind.Read, WriteSafety.NotAWrite);

    public static CloudAction Write(string name, WriteSafety safety) =>
        safety == WriteSafety.NotAWrite
            ? throw new ArgumentException("a write must say how it is safe to repeat", nameof(safety))
            : new(name, ActionKind.Write, safety);

    public bool IsWrite => Kind == ActionKind.Write;

    public override string ToString() => Name;
}
