namespace Ccm.Grains.Services;

/// <summary>
/// What one plan's execution learns as it goes: the load balancer's id and address once created, the id of every
/// vServer group by key (the ones found, the user's groups the Service reuses, then the ones created), and the EIP it
/// allocates, so later operations can refer to them.
/// </summary>
public sealed class ExecutionContext
{
    /// <param name="desired">Its reused groups are found under our keys (absent for cleanup, which creates nothing).</param>
    public ExecutionContext(ActualLoadBalancer? actual, DesiredService? desired = null)
    {
        LoadBalancerId = actual?.LoadBalancerId;
        Address = actual?.LoadBalancer.Address;
        foreach (var group in (actual?.VServerGroups ?? []).OrderByDescending(g => g.VServerGroupId, StringComparer.Ordinal))
        {
            GroupIds[group.Name] = group.VServerGroupId;
        }

        foreach (var group in desired?.VServerGroups ?? [])
        {
            if (group.ReusedId is { } id)
            {
                GroupIds[group.Key] = id;
            }
        }
    }

    public string? LoadBalancerId { get; set; }

    public string? Address { get; set; }

    public Dictionary<string, string> GroupIds { get; } = new(StringComparer.Ordinal);

    /// <summary>The EIP this plan allocated: its id (for the association) and address (for the status).</summary>
    public (string AllocationId, string Address)? AllocatedEip { get; set; }

    public string RequireLoadBalancerId(string? planned) =>
        planned ?? LoadBalancerId ?? throw new InvalidOperationException("the plan uses a load balancer no earlier operation created");

    public string RequireGroupId(string? planned, string key) =>
        planned ?? (GroupIds.TryGetValue(key, out var id) ? id : throw new InvalidOperationException($"the plan uses vServer group {key}, which no earlier operation created"));

    public string RequireAllocationId(string? planned) =>
        planned ?? AllocatedEip?.AllocationId ?? throw new InvalidOperationException("the plan binds an EIP no earlier operation allocated");
}
