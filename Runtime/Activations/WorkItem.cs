using System.Collections.Immutable;

namespace Ccm.Runtime;

/// <summary>One entry of an activation's mailbox: a turn to run, one at a time, in arrival order.</summary>
internal abstract class WorkItem
{
    public abstract TurnKind Kind { get; }

    /// <summary>The activations waiting on this item (calls only); see <see cref="TurnContext"/>.</summary>
    public virtual ImmutableArray<Activation> CallChain => [];

    /// <summary>True once nobody waits for the result any more (a call that timed out before its turn started).</summary>
    public virtual bool IsAbandoned => false;

    /// <summary>Short text for statistics, e.g. the method name.</summary>
    public virtual string Description => Kind.ToString();

    /// <summary>Runs the turn on an active grain. Never throws: the outcome carries the error.</summary>
    public abstract Task<TurnOutcome> RunAsync(Activation activation, Grain grain, CancellationToken cancellationToken);

    /// <summary>The grain could not be activated for this item.</summary>
    public abstract TurnOutcome Fail(Activation activation, Exception error);

    /// <summary>The item will never run (its shard moved away, or the silo stopped).</summary>
    public virtual void Drop(Exception reason)
    {
    }
}

/// <summary>Ends the activation's grain instance; queued after every turn accepted before it.</summary>
internal sealed class DeactivateWorkItem(DeactivationReason reason) : WorkItem
{
    public DeactivationReason Reason { get; } = reason;

    public override TurnKind Kind => throw new NotSupportedException("deactivation is not a turn");

    public override Task<TurnOutcome> RunAsync(Activation activation, Grain grain, CancellationToken cancellationToken) =>
        throw new NotSupportedException("deactivation is not a turn");

    public override TurnOutcome Fail(Activation activation, Exception error) => throw new NotSupportedException("deactivation is not a turn");
}
