namespace Ccm.CloudClients.Transport.Budget;

/// <summary>The outcome of waiting for a permit: whether it was granted, from a budget or not, how long the caller waited, and when.</summary>
/// <param name="Granted">False when the queue of the caller's class was full: nothing may be sent.</param>
/// <param name="Metered">False when the product or action is unlimited: no budget paces the call or its retries.</param>
/// <param name="Waited">Time spent queued (zero when a token was at hand).</param>
/// <param name="GrantedAt">The budget clock's timestamp of the grant; slow-down answers to permits granted before the last cut do not cut again.</param>
public readonly record struct Permit(bool Granted, bool Metered, TimeSpan Waited, long GrantedAt)
{
    /// <summary>A permit from no budget at all (the product or action is unlimited).</summary>
    public static Permit Unlimited => new(true, false, TimeSpan.Zero, 0);
}
