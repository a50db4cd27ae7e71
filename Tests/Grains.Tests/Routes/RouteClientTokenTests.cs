using Ccm.Grains.Routes;
using static Ccm.Grains.Tests.Routes.Support.RouteFixtures;

namespace Ccm.Grains.Tests.Routes;

public sealed class RouteClientTokenTests
{
    [Fact]
    public void The_same_route_read_at_the_same_time_gets_the_same_token_of_at_most_64_ASCII_characters()
    {
        var token = RouteClientToken.For(Table, Route(1), ReadAt);
        Assert.Equal(token, RouteClientToken.For(Table, Route(1), ReadAt));
        Assert.InRange(token.Length, 1, 64);
        Assert.True(token.All(char.IsAscii));
    }

    [Fact]
    public void Another_table_route_or_read_gets_another_token()
    {
        var token = RouteClientToken.For(Table, Route(1), ReadAt);
        Assert.NotEqual(token, RouteClientToken.For("vtb-other", Route(1), ReadAt));
        Assert.NotEqual(token, RouteClientToken.For(Table, Route(1) with { InstanceId = "i-9" }, ReadAt));
        // After a route was deleted by hand, the next create must not be answered with the deleted entry.
        Assert.NotEqual(token, RouteClientToken.For(Table, Route(1), ReadAt.AddMinutes(5)));
    }
}
