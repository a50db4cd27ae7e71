using System.Collections.Immutable;
using System.Globalization;
using Ccm.CloudClients;

namespace Ccm.Grains.Services;

/// <summary>
/// One cloud write of a Service's plan, named after the API action it becomes. A load balancer id or vServer group id
/// that is null refers to the one an earlier operation of the same plan creates (the executor fills it in), so a plan
/// can be computed, shown and tested before anything exists.
/// </summary>
public abstract record ServiceOperation
{
    public abstract string Action { get; }

    /// <summary>What it acts on, for a reader: an id, <c>lb-x:tcp/80</c>, a group key.</summary>
    public abstract string Target { get; }

    /// <summary>The parameters that matter to a reader (never a secret).</summary>
    public virtual string? Detail => null;

    protected static string Lb(string? id) => id ?? "(new load balancer)";

    protected static string Members(ImmutableArray<Backend> backends) =>
        string.Join(", ", backends.Select(b => b.Type == Backend.Ecs
            ? string.Create(CultureInfo.InvariantCulture, $"{b.ServerId}:{b.Port} w{b.Weight}")
            : string.Create(CultureInfo.InvariantCulture, $"{b.ServerIp}:{b.Port} ({b.ServerId}) w{b.Weight}")));

    protected static string Settings(ImmutableSortedDictionary<string, string> settings) =>
        string.Join(", ", settings.Select(s => $"{s.Key}={s.Value}"));
}

public sealed record CreateLoadBalancerOperation(DesiredLoadBalancer LoadBalancer) : ServiceOperation
{
    public override string Action => "CreateLoadBalancer";

    public override string Target => LoadBalancer.Name;

    public override string? Detail
    {
        get
        {
            var lb = LoadBalancer;
            var fields = new (string Name, object? Value)[]
            {
                ("AddressType", lb.AddressType), ("VSwitchId", lb.VSwitchId), ("InstanceChargeType", lb.InstanceChargeType), ("Spec", lb.Spec),
                ("InternetChargeType", lb.InternetChargeType), ("Bandwidth", lb.Bandwidth), ("MasterZoneId", lb.MasterZoneId), ("SlaveZoneId", lb.SlaveZoneId),
                ("AddressIPVersion", lb.AddressIPVersion), ("Address", lb.Address), ("ResourceGroupId", lb.ResourceGroupId),
                ("DeleteProtection", lb.DeleteProtection), ("ModificationProtection", lb.ModificationProtection),
                ("Tags", string.Join(" ", lb.OwnershipTags.Concat(lb.AdditionalTags).Select(t => $"{t.Key}={t.Value}"))), ("ClientToken", lb.ClientToken),
            };
            return string.Join(", ", fields.Where(f => f.Value is not null).Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Name}={f.Value}")));
        }
    }
}

public sealed record SetDeleteProtectionOperation(string? LoadBalancerId, string DeleteProtection) : ServiceOperation
{
    public override string Action => "SetLoadBalancerDeleteProtection";

    public override string Target => Lb(LoadBalancerId);

    public override string? Detail => DeleteProtection;
}

public sealed record SetModificationProtectionOperation(string? LoadBalancerId, string Status, string? Reason) : ServiceOperation
{
    public override string Action => "SetLoadBalancerModificationProtection";

    public override string Target => Lb(LoadBalancerId);

    public override string? Detail => Status;
}

public sealed record SetLoadBalancerNameOperation(string? LoadBalancerId, string Name) : ServiceOperation
{
    public override string Action => "SetLoadBalancerName";

    public override string Target => Lb(LoadBalancerId);

    public override string? Detail => Name;
}

public sealed record ModifyInternetSpecOperation(string? LoadBalancerId, string? InternetChargeType, int? Bandwidth) : ServiceOperation
{
    public override string Action => "ModifyLoadBalancerInternetSpec";

    public override string Target => Lb(LoadBalancerId);

    public override string? Detail => string.Create(CultureInfo.InvariantCulture, $"{InternetChargeType} {Bandwidth}").Trim();
}

public sealed record ModifyInstanceSpecOperation(string? LoadBalancerId, string Spec) : ServiceOperation
{
    public override string Action => "ModifyLoadBalancerInstanceSpec";

    public override string Target => Lb(LoadBalancerId);

    public override string? Detail => Spec;
}

/// <summary>PayBySpec to PayByCLCU, the one direction the API allows (the load balancer then has no spec).</summary>
public sealed record ModifyInstanceChargeTypeOperation(string LoadBalancerId, string InstanceChargeType) : ServiceOperation
{
    public override string Action => "ModifyLoadBalancerInstanceChargeType";

    public override string Target => LoadBalancerId;

    public override string? Detail => InstanceChargeType;
}

public sealed record AddTagsOperation(string? LoadBalancerId, ImmutableArray<Tag> Tags) : ServiceOperation
{
    public override string Action => "AddTags";

    public override string Target => Lb(LoadBalancerId);

    public override string? Detail => string.Join(", ", Tags.Select(t => $"{t.Key}={t.Value}"));
}

public sealed record RemoveTagsOperation(string? LoadBalancerId, ImmutableArray<Tag> Tags) : ServiceOperation
{
    public override string Action => "RemoveTags";

    public override string Target => Lb(LoadBalancerId);

    public override string? Detail => string.Join(", ", Tags.Select(t => t.Key));
}

public sealed record DeleteLoadBalancerOperation(string LoadBalancerId) : ServiceOperation
{
    public override string Action => "DeleteLoadBalancer";

    public override string Target => LoadBalancerId;
}
