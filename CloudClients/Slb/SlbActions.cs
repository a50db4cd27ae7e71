using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Slb;

/// <summary>
/// Every SLB action the CCM sends, with its retry-safety (see <see cref="WriteSafety"/>). The reason for each
/// write's class is beside it; a retried write must never create a second resource or undo a newer change.
/// </summary>
public static class SlbActions
{
    // Only CreateLoadBalancer takes a ClientToken among these SLB actions (reference §4.1).
    public static readonly CloudAction CreateLoadBalancer = CloudAction.Write("CreateLoadBalancer", WriteSafety.IdempotentByClientToken);

    // A repeat answers InvalidLoadBalancerId.NotFound, which callers treat as "already gone".
    public static readonly CloudAction DeleteLoadBalancer = CloudAction.Write("DeleteLoadBalancer", WriteSafety.IdempotentByEffect);
    public static readonly CloudAction DescribeLoadBalancers = CloudAction.Read("DescribeLoadBalancers");
    public static readonly CloudAction DescribeLoadBalancerAttribute = CloudAction.Read("DescribeLoadBalancerAttribute");

    // Absolute settings: the second identical request leaves the same state.
    public static readonly CloudAction SetLoadBalancerDeleteProtection = CloudAction.Write("SetLoadBalancerDeleteProtection", WriteSafety.IdempotentByEffect);
    public static readonly CloudAction SetLoadBalancerModificationProtection = CloudAction.Write("SetLoadBalancerModificationProtection", WriteSafety.IdempotentByEffect);
    public static readonly CloudAction SetLoadBalancerName = CloudAction.Write("SetLoadBalancerName", WriteSafety.IdempotentByEffect);

    // Billing changes may place an order (OrderId); a blind repeat could place a second one.
    public static readonly CloudAction ModifyLoadBalancerInternetSpec = CloudAction.Write("ModifyLoadBalancerInternetSpec", WriteSafety.NotIdempotent);
    public static readonly CloudAction ModifyLoadBalancerInstanceSpec = CloudAction.Write("ModifyLoadBalancerInstanceSpec", WriteSafety.NotIdempotent);

    // Places no order (the answer is a bare RequestId) and names the target type: a repeat finds it already there.
    public static readonly CloudAction ModifyLoadBalancerInstanceChargeType = CloudAction.Write("ModifyLoadBalancerInstanceChargeType", WriteSafety.IdempotentByEffect);

    // A repeated create answers ListenerAlreadyExists: the caller must re-read rather than have us guess.
    public static readonly CloudAction CreateLoadBalancerTCPListener = CloudAction.Write("CreateLoadBalancerTCPListener", WriteSafety.NotIdempotent);
    public static readonly CloudAction CreateLoadBalancerUDPListener = CloudAction.Write("CreateLoadBalancerUDPListener", WriteSafety.NotIdempotent);
    public static readonly CloudAction CreateLoadBalancerHTTPListener = CloudAction.Write("CreateLoadBalancerHTTPListener", WriteSafety.NotIdempotent);
    public static readonly CloudAction CreateLoadBalancerHTTPSListener = CloudAction.Write("CreateLoadBalancerHTTPSListener", WriteSafety.NotIdempotent);

    // Attribute sets are absolute values.
    public static readonly CloudAction SetLoadBalancerTCPListenerAttribute = CloudAction.Write("SetLoadBalancerTCPListenerAttribute", WriteSafety.IdempotentByEffect);
    public static readonly CloudAction SetLoadBalancerUDPListenerAttribute = CloudAction.Write("SetLoadBalancerUDPListenerAttribute", WriteSafety.IdempotentByEffect);
    public static readonly CloudAction SetLoadBalancerHTTPListenerAttribute = CloudAction.Write("SetLoadBalancerHTTPListenerAttribute", WriteSafety.IdempotentByEffect);
    public static readonly CloudAction SetLoadBalancerHTTPSListenerAttribute = CloudAction.Write("SetLoadBalancerHTTPSListenerAttribute", WriteSafety.IdempotentByEffect);

    // Starting a running listener, stopping a stopped one, deleting a deleted one: same end state.
    public static readonly CloudAction StartLoadBalancerListener = CloudAction.Write("StartLoadBalancerListener", WriteSafety.IdempotentByEffect);
    public static readonly CloudAction StopLoadBalancerListener = CloudAction.Write("StopLoadBalancerListener", WriteSafety.IdempotentByEffect);
    public static readonly CloudAction DeleteLoadBalancerListener = CloudAction.Write("DeleteLoadBalancerListener", WriteSafety.IdempotentByEffect);
    public static readonly CloudAction DescribeLoadBalancerListeners = CloudAction.Read("DescribeLoadBalancerListeners");

    // No ClientToken: a repeat after a lost response finds the domain taken; the caller lists and decides.
    public static readonly CloudAction CreateDomainExtension = CloudAction.Write("CreateDomainExtension", WriteSafety.NotIdempotent);

    // A repeated delete answers InvalidParameter.DomainExtensionId (gone); setting the certificate is absolute.
    public static readonly CloudAction DeleteDomainExtension = CloudAction.Write("DeleteDomainExtension", WriteSafety.IdempotentByEffect);
    public static readonly CloudAction DescribeDomainExtensions = CloudAction.Read("DescribeDomainExtensions");
    public static readonly CloudAction SetDomainExtensionAttribute = CloudAction.Write("SetDomainExtensionAttribute", WriteSafety.IdempotentByEffect);

    // No ClientToken: a repeat after a lost response creates a second, orphaned group.
    public static readonly CloudAction CreateVServerGroup = CloudAction.Write("CreateVServerGroup", WriteSafety.NotIdempotent);
    public static readonly CloudAction DescribeVServerGroups = CloudAction.Read("DescribeVServerGroups");
    public static readonly CloudAction DescribeVServerGroupAttribute = CloudAction.Read("DescribeVServerGroupAttribute");

    // Membership changes are relative (add/remove/replace): a repeat may fail on members that already moved, or
    // race a newer plan; the grain re-reads the group and plans again instead.
    public static readonly CloudAction AddVServerGroupBackendServers = CloudAction.Write("AddVServerGroupBackendServers", WriteSafety.NotIdempotent);
    public static readonly CloudAction RemoveVServerGroupBackendServers = CloudAction.Write("RemoveVServerGroupBackendServers", WriteSafety.NotIdempotent);
    public static readonly CloudAction ModifyVServerGroupBackendServers = CloudAction.Write("ModifyVServerGroupBackendServers", WriteSafety.NotIdempotent);

    // Sets name and weights of existing members to absolute values.
    public static readonly CloudAction SetVServerGroupAttribute = CloudAction.Write("SetVServerGroupAttribute", WriteSafety.IdempotentByEffect);
    public static readonly CloudAction DeleteVServerGroup = CloudAction.Write("DeleteVServerGroup", WriteSafety.IdempotentByEffect);

    // Tags are a key -> value map: adding or removing the same tags twice leaves the same map.
    public static readonly CloudAction AddTags = CloudAction.Write("AddTags", WriteSafety.IdempotentByEffect);
    public static readonly CloudAction RemoveTags = CloudAction.Write("RemoveTags", WriteSafety.IdempotentByEffect);
    public static readonly CloudAction DescribeTags = CloudAction.Read("DescribeTags");
    public static readonly CloudAction TagResources = CloudAction.Write("TagResources", WriteSafety.IdempotentByEffect);
    public static readonly CloudAction UntagResources = CloudAction.Write("UntagResources", WriteSafety.IdempotentByEffect);
    public static readonly CloudAction ListTagResources = CloudAction.Read("ListTagResources");
}
