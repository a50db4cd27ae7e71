namespace Ccm.CloudClients.Transport.Budget;

/// <summary>
/// One call queued for a permit: where it sits in its caller's lane, when it started waiting, and the task its caller
/// awaits. Completed exactly once, by the bucket (granted or refused) or by its caller's token (cancelled).
/// </summary>
internal sealed class PermitWaiter(CloudCallPriority priority, string key, CloudCallScope? scope, long queuedAt, CancellationToken cancellationToken)
{
    private readonly TaskCompletionSource<Permit> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The class it queues in; raised to Event when its scope escalates (<see cref="PermitQueue.Promote"/>).</summary>
    public CloudCallPriority Priority { get; set; } = priority;

    public string Key => key;

    public CloudCallScope? Scope => scope;

    public long QueuedAt => queuedAt;

    public CancellationToken CancellationToken => cancellationToken;

    /// <summary>This waiter's node in its lane; null once it left the queue.</summary>
    public LinkedListNode<PermitWaiter>? Node { get; set; }

    public CancellationTokenRegistration Registration { get; set; }

    public Task<Permit> Task => completion.Task;

    public bool TryGrant(Permit permit) => completion.TrySetResult(permit);

    public bool TryCancel() => completion.TrySetCanceled(cancellationToken);
}
