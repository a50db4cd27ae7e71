using System.Net;
using Ccm.Sandbox.Aliyun;
using Ccm.Sandbox.Aliyun.Hosting;

namespace Ccm.Sandbox.Tests.Aliyun;

public sealed class ListenAddressTests
{
    [Theory]
    [InlineData("127.0.0.1:0", "127.0.0.1", 0)]
    [InlineData("127.0.0.1:18080", "127.0.0.1", 18080)]
    [InlineData("[::1]:9000", "::1", 9000)]
    [InlineData("localhost:7000", "127.0.0.1", 7000)]
    public void Loopback_addresses_are_accepted(string listen, string address, int port)
    {
        var endpoint = ListenAddress.Parse(listen);
        Assert.Equal((IPAddress.Parse(address), port), (endpoint.Address, endpoint.Port));
    }

    [Theory]
    [InlineData("0.0.0.0:0")]
    [InlineData("[::]:0")]
    [InlineData("10.0.0.1:80")]
    [InlineData("example.invalid:80")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:70000")]
    public void Anything_else_is_refused(string listen) =>
        Assert.Throws<ArgumentException>(() => ListenAddress.Parse(listen));

    [Fact]
    public async Task The_in_process_emulator_refuses_a_non_loopback_address_too() =>
        await Assert.ThrowsAsync<ArgumentException>(() => AliyunEmulator.StartAsync(
            new AliyunEmulatorOptions { Listen = "0.0.0.0:0", AccessKeyId = "id", AccessKeySecret = "secret" }));
}
