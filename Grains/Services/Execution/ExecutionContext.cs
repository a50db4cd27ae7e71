namespace Ccm.Grains.Services;

/// <summary>
/// What one plan's execution learns as it goes: the load balancer's id and address once created, and the id of
/// every vServer group by key (the ones found, then the ones created), so later operations can refer to them.
/// </summary>
public sealed class ExecutionContext
{
    public ExecutionContext(ActualLoadBalancer? actual)
    {
        LoadBalancerId = actual?.LoadBalancerId;
        Address = actual?.LoadBalancer.Address;
        foreach (var group in (actual?.VServerGroups ?? []).OrderByDescending(g => g.VServerGroupId, StringComparer.Ordinal))
        {
            GroupIds[group.Name] = group.VServerGroupId;
        }
    }

    public string? LoadBalancerId { get; set; }

    public string? Address { get; set; }

    public Dictionary<string, string> GroupIds { get; } = new(StringComparer.Ordinal);

    public string RequireLoadBalancerId(string? planned) =>
        planned ?? LoadBalancerId ?? throw new InvalidOperationException("the plan uses a load balancer no earlier operation created");

    public string RequireGroupId(string? planned, string key) =>
        planned ?? (GroupIds.TryGetValue(key, out var id) ? id : throw new InvalidOperationException($"the plan uses vServer group {key}, which no earlier operation created"));
}
