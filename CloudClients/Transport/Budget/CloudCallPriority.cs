namespace Ccm.CloudClients.Transport.Budget;

/// <summary>
/// Which queue a cloud call waits in when the client-side budget is spent. Every <see cref="Event"/> waiter is served
/// before any <see cref="Resync"/> waiter of the same budget, so a restart or a periodic resync, however many calls it
/// queues, never delays the calls that apply a real change.
/// </summary>
public enum CloudCallPriority
{
    /// <summary>Work caused by a change: a Service, EndpointSlice or Node that changed, a user's request. The default.</summary>
    Event = 0,

    /// <summary>Periodic or restart resync: re-reading the cloud to repair drift nobody has reported yet.</summary>
    Resync = 1,
}
