using System.Collections.Immutable;

namespace Ccm.Grains.Services;

/// <summary>Creates a vServer group named by its ownership key, with its first members (at most the API's 20).</summary>
public sealed record CreateVServerGroupOperation(string? LoadBalancerId, string Key, ImmutableArray<Backend> Backends) : ServiceOperation
{
    public override string Action => "CreateVServerGroup";

    public override string Target => Key;

    public override string? Detail => Backends.IsEmpty ? "no members" : Members(Backends);
}

public sealed record DeleteVServerGroupOperation(string VServerGroupId, string Key) : ServiceOperation
{
    public override string Action => "DeleteVServerGroup";

    public override string Target => $"{VServerGroupId} ({Key})";
}

/// <summary>Members of one group, changed in one call (a batch within the API limit). A null id is the group created
/// earlier in the plan under <paramref name="Key"/>.</summary>
public abstract record BackendsOperation(string? VServerGroupId, string Key, ImmutableArray<Backend> Backends) : ServiceOperation
{
    public override string Target => VServerGroupId is null ? Key : $"{VServerGroupId} ({Key})";

    public override string? Detail => Members(Backends);
}

public sealed record AddBackendsOperation(string? VServerGroupId, string Key, ImmutableArray<Backend> Backends)
    : BackendsOperation(VServerGroupId, Key, Backends)
{
    public override string Action => "AddVServerGroupBackendServers";
}

public sealed record RemoveBackendsOperation(string VServerGroupId, string Key, ImmutableArray<Backend> Backends)
    : BackendsOperation(VServerGroupId, Key, Backends)
{
    public override string Action => "RemoveVServerGroupBackendServers";
}

/// <summary>New weights for members already in the group (SetVServerGroupAttribute).</summary>
public sealed record SetBackendWeightsOperation(string VServerGroupId, string Key, ImmutableArray<Backend> Backends)
    : BackendsOperation(VServerGroupId, Key, Backends)
{
    public override string Action => "SetVServerGroupAttribute";
}
