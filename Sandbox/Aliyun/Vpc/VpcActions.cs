using Ccm.Sandbox.Aliyun.Protocol;

namespace Ccm.Sandbox.Aliyun.Vpc;

/// <summary>Every VPC (2016-04-28) action the emulator serves.</summary>
internal static class VpcActions
{
    public static void Register(ActionTable table)
    {
        var vpc = Product.Vpc;
        table.Add(vpc, "DescribeRouteTableList", RouteTableActions.DescribeList);
        table.Add(vpc, "DescribeRouteTables", RouteTableActions.DescribeLegacy);
        table.Add(vpc, "DescribeRouteEntryList", RouteTableActions.DescribeEntries);
        table.Add(vpc, "CreateRouteEntry", RouteEntryActions.Create);
        table.Add(vpc, "DeleteRouteEntry", RouteEntryActions.Delete);
        table.Add(vpc, "CreateRouteEntries", RouteEntryBatchActions.Create);
        table.Add(vpc, "DeleteRouteEntries", RouteEntryBatchActions.Delete);
        table.Add(vpc, "DescribeVpcs", NetworkQueryActions.DescribeVpcs);
        table.Add(vpc, "DescribeVpcAttribute", NetworkQueryActions.DescribeVpcAttribute);
        table.Add(vpc, "DescribeVSwitches", NetworkQueryActions.DescribeVSwitches);
        table.Add(vpc, "DescribeEipAddresses", EipAddressActions.Describe);
        table.Add(vpc, "AllocateEipAddress", EipAddressActions.Allocate);
        table.Add(vpc, "ReleaseEipAddress", EipAddressActions.Release);
        table.Add(vpc, "AssociateEipAddress", EipAssociationActions.Associate);
        table.Add(vpc, "UnassociateEipAddress", EipAssociationActions.Unassociate);
    }
}
