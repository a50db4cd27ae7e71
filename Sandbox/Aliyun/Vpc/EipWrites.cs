using Ccm.Sandbox.Aliyun.Protocol;
using Ccm.Sandbox.Aliyun.State;

namespace Ccm.Sandbox.Aliyun.Vpc;

/// <summary>
/// The rules every EIP write shares: settled transitions are applied first (a released EIP disappears, an unassociated
/// one is unbound), a missing EIP is <c>InvalidAllocationId.NotFound</c>, and a repeated <c>ClientToken</c> answers the
/// first call's result without acting again.
/// </summary>
internal static class EipWrites
{
    public static CloudSnapshot Settle(CloudSnapshot s, DateTimeOffset now)
    {
        var changed = s.EipAddresses.Values.Where(e => !ReferenceEquals(e.At(now), e)).ToList();
        if (changed.Count == 0)
        {
            return s;
        }

        var eips = s.EipAddresses;
        foreach (var eip in changed)
        {
            eips = eip.At(now) is { } settled ? eips.SetItem(eip.AllocationId, settled) : eips.Remove(eip.AllocationId);
        }

        return s with { EipAddresses = eips };
    }

    public static EipAddress Find(CloudSnapshot s, string allocationId, DateTimeOffset now) =>
        s.EipAddresses.GetValueOrDefault(allocationId)?.At(now) ?? throw VpcErrors.EipNotFound();

    public static CloudSnapshot Put(CloudSnapshot s, EipAddress eip) => s with { EipAddresses = s.EipAddresses.SetItem(eip.AllocationId, eip) };

    /// <summary>A transition to <paramref name="status"/> lasting the configured delay, or none when the delay is zero.</summary>
    public static EipTransition? Transition(ActionContext c, string status) =>
        c.Settings.EipDelay > TimeSpan.Zero ? new EipTransition(status, c.Now + c.Settings.EipDelay) : null;

    /// <summary>Runs <paramref name="change"/> once per <c>ClientToken</c>: a repeat returns the first result and changes nothing.</summary>
    public static T Once<T>(ActionContext c, Func<CloudSnapshot, (CloudSnapshot Next, T Result)> change)
        where T : notnull
    {
        var token = c.Parameters.NonEmpty("ClientToken");
        var key = token is null ? null : CloudSnapshot.ClientTokenKey(c.Action, token);
        return c.Store.Update(s =>
        {
            if (key is not null && s.ClientTokens.TryGetValue(key, out var earlier))
            {
                return (s, (T)earlier);
            }

            var (next, result) = change(Settle(s, c.Now));
            return (key is null ? next : next with { ClientTokens = next.ClientTokens.SetItem(key, result) }, result);
        });
    }
}
