using Ccm.Silo.Flags;

namespace Ccm.Silo.Tests.Flags;

public sealed class Ipv4CidrTests
{
    [Theory]
    [InlineData("172.20.0.0/16", "172.20.0.0/16")]
    [InlineData("10.0.0.0/8", "10.0.0.0/8")]
    [InlineData("0.0.0.0/0", "0.0.0.0/0")]
    [InlineData("192.168.1.7/32", "192.168.1.7/32")]
    [InlineData("172.20.1.0/16", "172.20.0.0/16")] // host bits masked, as Go's net.ParseCIDR does
    public void Parses_and_masks(string text, string expected)
    {
        Assert.True(Ipv4Cidr.TryParse(text, out var network, out var error), error);
        Assert.Equal(expected, network.ToString());
    }

    [Theory]
    [InlineData("172.20.0.0", "has no prefix length")]
    [InlineData("172.20.0.0/33", "has an invalid prefix length (0 to 32")]
    [InlineData("172.20.0.0/x", "has an invalid prefix length")]
    [InlineData("fd00::/8", "is not IPv4")]
    [InlineData("10.1/8", "does not name all four octets")]
    [InlineData("pods/16", "does not start with an IP address")]
    public void Rejects_with_an_example(string text, string expected)
    {
        Assert.False(Ipv4Cidr.TryParse(text, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Contains("e.g. 172.20.0.0/16", error, StringComparison.Ordinal);
    }
}
