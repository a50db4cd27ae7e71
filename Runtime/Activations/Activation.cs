using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;

namespace Ccm.Runtime;

/// <summary>
/// The mailbox and turn loop of one grain id on this silo. Items run one at a time, in arrival order, each to
/// completion before the next starts (Orleans' non-reentrant turns). The loop exists only while there is work, so
/// thousands of idle grains cost no task. The grain instance is created on the first item (activation) and
/// dropped on deactivation; the entry itself, with its reconcile schedule, lives until nothing is pending.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Reliability", "CA1001", Justification = "The lifetime token source has no timer or link to release, and StopAsync may cancel it concurrently with its replacement; disposing it would race.")]
internal sealed partial class Activation
{
    private readonly Lock gate = new();
    private readonly Queue<WorkItem> queue = new();
    private readonly Catalog catalog;
    private readonly TaskCompletionSource retired = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool loopRunning;
    private bool stopping;
    private bool isRetired;
    private WorkItem? current;

    public Activation(Catalog catalog, GrainId id, GrainType type, int shard)
    {
        this.catalog = catalog;
        Id = id;
        Type = type;
        Shard = shard;
        reconcile = type.IsReconciler ? new ReconcileState() : null;
        lastActivity = catalog.Runtime.Time.GetUtcNow();
    }

    public GrainId Id { get; }

    public GrainType Type { get; }

    public int Shard { get; }

    /// <summary>Completes when the entry has left the catalog.</summary>
    public Task Retired => retired.Task;

    public SiloRuntime Runtime => catalog.Runtime;

    public PostResult TryPost(WorkItem item)
    {
        lock (gate)
        {
            if (Refusal() is { } refusal)
            {
                return refusal;
            }

            Enqueue(item);
            return PostResult.Accepted;
        }
    }

    private PostResult? Refusal() =>
        isRetired ? PostResult.Retired : stopping || !catalog.IsRunnable(Shard) ? PostResult.NotRunnable : null;

    /// <summary>Caller holds <see cref="gate"/>.</summary>
    private void Enqueue(WorkItem item)
    {
        queue.Enqueue(item);
        if (!loopRunning)
        {
            loopRunning = true;
            // On the thread pool, never inline: the poster may be another grain's turn or a timer callback. Its
            // execution context (call chain, logging scopes) must not leak into this activation's turns.
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(RunLoopAsync);
            }
        }
    }

    private async Task RunLoopAsync()
    {
        while (TryDequeue(out var item))
        {
            try
            {
                await RunAsync(item);
            }
            catch (Exception ex)
            {
                // Items report grain failures as outcomes; reaching here is a runtime bug, which must not stop the loop.
                Runtime.Logger.LogError(ex, "Activation {GrainId}: runtime error while running a {Item}", Id, item.GetType().Name);
            }
        }
    }

    private bool TryDequeue([NotNullWhen(true)] out WorkItem? item)
    {
        lock (gate)
        {
            current = null;
            if (queue.TryDequeue(out item))
            {
                current = item;
                return true;
            }

            loopRunning = false;
            if (grain is null && !HasPendingWork)
            {
                Retire();
            }

            return false;
        }
    }

    private async Task RunAsync(WorkItem item)
    {
        if (item is DeactivateWorkItem deactivate)
        {
            await DeactivateAsync(deactivate.Reason);
            return;
        }

        if (item.IsAbandoned)
        {
            return;
        }

        var started = Runtime.Time.GetUtcNow();
        var outcome = grain is null && await ActivateAsync() is { } activationError
            ? item.Fail(this, activationError)
            : await RunTurnAsync(item);
        RecordTurn(item, started, outcome);
        if (deactivateRequested)
        {
            await DeactivateAsync(DeactivationReason.ApplicationRequested);
        }
    }

    private async Task<TurnOutcome> RunTurnAsync(WorkItem item)
    {
        // Scoped to this async method: the chain is restored when the turn ends.
        TurnContext.Enter(item.CallChain.Add(this));
        return await item.RunAsync(this, grain!, lifetime.Token);
    }

    /// <summary>Caller holds <see cref="gate"/>.</summary>
    private bool HasPendingWork => queue.Count > 0 || timers.Count > 0 || (reconcile?.HasPendingWork ?? false);

    /// <summary>Caller holds <see cref="gate"/>.</summary>
    private void Retire()
    {
        isRetired = true;
        catalog.Forget(this);
        retired.TrySetResult();
    }
}
