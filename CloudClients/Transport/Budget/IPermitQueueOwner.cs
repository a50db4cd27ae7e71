namespace Ccm.CloudClients.Transport.Budget;

/// <summary>What a <see cref="PermitWaiter"/> waits in: a budget's bucket or <see cref="CloudCallSlots"/>; its scope's escalation moves it ahead there.</summary>
internal interface IPermitQueueOwner
{
    /// <summary>Moves <paramref name="waiter"/> of an escalated scope ahead of every Resync waiter, if it still waits here.</summary>
    void Promote(PermitWaiter waiter);
}
