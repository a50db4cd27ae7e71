using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Vpc;

/// <summary>Every VPC action the CCM sends, with its retry-safety and the reason for it.</summary>
public static class VpcActions
{
    public static readonly CloudAction DescribeRouteTableList = CloudAction.Read("DescribeRouteTableList");
    public static readonly CloudAction DescribeRouteEntryList = CloudAction.Read("DescribeRouteEntryList");

    // ClientToken is mandatory in our request record: a repeat returns the entry the first attempt created.
    public static readonly CloudAction CreateRouteEntry = CloudAction.Write("CreateRouteEntry", WriteSafety.IdempotentByClientToken);

    // No ClientToken; a blind repeat after a lost response reports every entry as a duplicate failure, which reads
    // like an error to the caller. Retried only when the service provably did not act.
    public static readonly CloudAction CreateRouteEntries = CloudAction.Write("CreateRouteEntries", WriteSafety.NotIdempotent);

    // A repeat answers InvalidRouteEntry.NotFound (or a per-entry failure), which the CCM treats as already gone.
    public static readonly CloudAction DeleteRouteEntry = CloudAction.Write("DeleteRouteEntry", WriteSafety.IdempotentByEffect);
    public static readonly CloudAction DeleteRouteEntries = CloudAction.Write("DeleteRouteEntries", WriteSafety.IdempotentByEffect);

    public static readonly CloudAction DescribeVpcs = CloudAction.Read("DescribeVpcs");
    public static readonly CloudAction DescribeVpcAttribute = CloudAction.Read("DescribeVpcAttribute");
    public static readonly CloudAction DescribeVSwitches = CloudAction.Read("DescribeVSwitches");
    public static readonly CloudAction DescribeEipAddresses = CloudAction.Read("DescribeEipAddresses");

    // ClientToken is mandatory in our request records: a repeat returns the first outcome and binds or creates nothing.
    public static readonly CloudAction AllocateEipAddress = CloudAction.Write("AllocateEipAddress", WriteSafety.IdempotentByClientToken);
    public static readonly CloudAction AssociateEipAddress = CloudAction.Write("AssociateEipAddress", WriteSafety.IdempotentByClientToken);
    public static readonly CloudAction UnassociateEipAddress = CloudAction.Write("UnassociateEipAddress", WriteSafety.IdempotentByClientToken);

    // A repeat answers InvalidAllocationId.NotFound (already released) or IncorrectEipStatus (still Releasing).
    public static readonly CloudAction ReleaseEipAddress = CloudAction.Write("ReleaseEipAddress", WriteSafety.IdempotentByEffect);
}
