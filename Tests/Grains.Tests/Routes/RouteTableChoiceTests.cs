using Ccm.CloudClients.Vpc;
using Ccm.Grains.Routes;

namespace Ccm.Grains.Tests.Routes;

public sealed class RouteTableChoiceTests
{
    private static RouteTable Table(string id, string type = "Custom", string? routerType = "VRouter", string? associate = "VSwitch") =>
        new() { RouteTableId = id, RouteTableType = type, RouterType = routerType, AssociateType = associate };

    [Fact]
    public void The_VPCs_only_table_is_used() =>
        Assert.Equal("vtb-sys", RouteTableChoice.Choose("vpc-1", [Table("vtb-sys", "System")]));

    [Fact]
    public void Border_router_and_gateway_tables_do_not_count() =>
        Assert.Equal("vtb-sys", RouteTableChoice.Choose("vpc-1",
            [Table("vtb-vbr", routerType: "VBR"), Table("vtb-sys", "System"), Table("vtb-igw", associate: "Gateway")]));

    [Fact]
    public void Several_tables_are_an_error_that_lists_them_and_says_how_to_choose()
    {
        var error = Assert.Throws<RouteTableConfigurationException>(() =>
            RouteTableChoice.Choose("vpc-1", [Table("vtb-b"), Table("vtb-sys", "System"), Table("vtb-a")]));
        Assert.Contains("VPC vpc-1 has 3 route tables (vtb-a (Custom), vtb-b (Custom), vtb-sys (System))", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"routeTableIDs\": \"vtb-a,vtb-b,vtb-sys\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_table_is_an_error_that_names_the_VPC_and_the_setting()
    {
        var error = Assert.Throws<RouteTableConfigurationException>(() => RouteTableChoice.Choose("vpc-1", [Table("vtb-vbr", routerType: "VBR")]));
        Assert.Contains("VPC vpc-1 has no route table", error.Message, StringComparison.Ordinal);
        Assert.Contains("routeTableIDs", error.Message, StringComparison.Ordinal);
    }
}
