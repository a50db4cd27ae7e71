namespace Ccm.CloudClients.Transport.Budget;

/// <summary>One budget as it stands: what the dashboard and the metrics show. An immutable snapshot.</summary>
/// <param name="Product">Product name, e.g. <c>SLB</c>.</param>
/// <param name="Action">The action with a budget of its own, or <see cref="CloudCallBudget.ProductWide"/> for the product's shared one.</param>
/// <param name="ConfiguredRate">Permits per second configured; the adaptive rate never exceeds it.</param>
/// <param name="Rate">Permits per second now, lowered by slow-down answers and recovering after quiet periods.</param>
/// <param name="Burst">Permits available at once.</param>
/// <param name="EventWaiters">Calls queued as <see cref="CloudCallPriority.Event"/>.</param>
/// <param name="ResyncWaiters">Calls queued as <see cref="CloudCallPriority.Resync"/>.</param>
public sealed record CloudBudgetState(
    string Product, string Action, double ConfiguredRate, double Rate, int Burst, int EventWaiters, int ResyncWaiters)
{
    public int Waiters(CloudCallPriority priority) => priority == CloudCallPriority.Event ? EventWaiters : ResyncWaiters;
}
