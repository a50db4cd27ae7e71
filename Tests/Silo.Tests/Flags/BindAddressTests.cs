using Ccm.Silo.Flags;

namespace Ccm.Silo.Tests.Flags;

public sealed class BindAddressTests
{
    [Theory]
    [InlineData(":10258", "", 10258)]
    [InlineData("0.0.0.0:8080", "0.0.0.0", 8080)]
    [InlineData("127.0.0.1:0", "127.0.0.1", 0)]
    [InlineData("[::1]:8080", "::1", 8080)]
    [InlineData("[::]:9090", "::", 9090)]
    [InlineData("localhost:8080", "localhost", 8080)]
    [InlineData(" :8080 ", "", 8080)]
    public void Parses_host_and_port(string text, string host, int port)
    {
        Assert.True(BindAddress.TryParse(text, out var address, out var error), error);
        Assert.Equal(new BindAddress(host, port), address);
    }

    [Fact]
    public void Zero_disables_the_listener()
    {
        Assert.True(BindAddress.TryParse("0", out var address, out _));
        Assert.Null(address);
    }

    [Theory]
    [InlineData("8080", "has no ':' before the port (did you mean :8080?")]
    [InlineData(":99999", "has an invalid port \"99999\"")]
    [InlineData(":http", "has an invalid port \"http\"")]
    [InlineData("::1:8080", "looks like an IPv6 address without brackets (write [::1]:8080")]
    [InlineData("[nonsense]:80", "has an invalid IPv6 host \"nonsense\"")]
    [InlineData("example.com:80", "has host \"example.com\", which is not an IP address or localhost")]
    [InlineData("localhost:0", "asks for a dynamic port on localhost")]
    [InlineData("anything", "is not a bind address")]
    public void Rejects_with_what_is_allowed(string text, string expected)
    {
        Assert.False(BindAddress.TryParse(text, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.StartsWith($"\"{text}\"", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(":10258", true)]
    [InlineData("0.0.0.0:1", true)]
    [InlineData("[::]:1", true)]
    [InlineData("127.0.0.1:1", false)]
    public void Knows_wildcard_hosts(string text, bool wildcard)
    {
        Assert.True(BindAddress.TryParse(text, out var address, out _));
        Assert.Equal(wildcard, address!.IsWildcard);
    }
}
