using System.Collections.Immutable;
using Ccm.Sandbox.Aliyun.State;

namespace Ccm.Sandbox.Aliyun.Slb;

/// <summary>
/// Applies backend removals then additions to a vServer group, enforcing what the real service enforces: ECS backends
/// must be existing instances, ENI backends existing ENIs, and the CLB may hold at most 200 backends across its groups
/// (<c>InstanceBackendServerNumberOverLimit</c>, which is why the CCM removes before it re-adds).
/// Adding a backend that is already there updates its weight and description; removing one that is absent is a no-op,
/// so a retried call after a lost response converges instead of failing.
/// </summary>
internal static class BackendChanges
{
    /// <summary>Backends per CLB (reference §4.1, [S11]).</summary>
    public const int BackendQuota = 200;

    public static VServerGroup Apply(CloudSnapshot s, VServerGroup group, IReadOnlyList<BackendServer> remove, IReadOnlyList<BackendServer> add)
    {
        foreach (var backend in add)
        {
            CheckServerExists(s, backend);
        }

        var list = group.BackendServers.Where(b => !remove.Any(r => r.SameServerAs(b))).ToList();
        foreach (var backend in add)
        {
            var index = list.FindIndex(b => b.SameServerAs(backend));
            if (index >= 0)
            {
                list[index] = backend;
            }
            else
            {
                list.Add(backend);
            }
        }

        var others = SlbLookup.BackendCount(s, group.LoadBalancerId) - (s.VServerGroups.ContainsKey(group.VServerGroupId) ? group.BackendServers.Length : 0);
        if (others + list.Count > BackendQuota && list.Count > group.BackendServers.Length)
        {
            throw SlbErrors.BackendQuota(BackendQuota);
        }

        return group with { BackendServers = [.. list] };
    }

    /// <summary>SetVServerGroupAttribute: changes weight/description of members already present, ignores the rest.</summary>
    public static VServerGroup Update(VServerGroup group, IReadOnlyList<BackendServer> changes) => group with
    {
        BackendServers = group.BackendServers
            .Select(b => changes.FirstOrDefault(c => c.SameServerAs(b)) is { } change ? b with { Weight = change.Weight, Description = change.Description } : b)
            .ToImmutableArray(),
    };

    private static void CheckServerExists(CloudSnapshot s, BackendServer backend)
    {
        var exists = backend.Type == "ecs"
            ? s.Instances.ContainsKey(backend.ServerId)
            : s.NetworkInterfaces.ContainsKey(backend.ServerId);
        if (!exists)
        {
            throw SlbErrors.ServerNotFound(backend.ServerId);
        }
    }
}
