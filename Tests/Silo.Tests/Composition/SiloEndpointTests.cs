using System.Net;
using System.Net.Sockets;
using Ccm.Silo.Composition;
using Ccm.Silo.Tests.Support;

namespace Ccm.Silo.Tests.Composition;

/// <summary>Where other silos reach this one: the pod's IP, never every interface; a fixed port Orleans can advertise.</summary>
public sealed class SiloEndpointTests : IDisposable
{
    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void In_a_pod_the_silo_binds_its_POD_IP_and_the_silo_port()
    {
        var options = SiloTestOptions.Parse(files, "--silo-port=11111") with { PodIP = "10.0.0.5" };
        Assert.Equal(new SiloEndpoint(IPAddress.Parse("10.0.0.5"), 11111), SiloEndpoint.From(options));
    }

    [Fact]
    public void Without_POD_IP_the_silo_binds_loopback()
    {
        var endpoint = SiloEndpoint.From(SiloTestOptions.Parse(files, "--silo-port=11111"));
        Assert.Equal(IPAddress.Loopback, endpoint.Address);
    }

    [Fact]
    public void Port_0_is_resolved_to_a_free_port_before_Orleans_starts()
    {
        var endpoint = SiloEndpoint.From(SiloTestOptions.Parse(files, "--silo-port=0"));

        Assert.NotEqual(0, endpoint.Port);
        using var listener = new TcpListener(endpoint.Address, endpoint.Port);
        listener.Start(); // free: nothing else holds it
    }

    [Fact]
    public void A_POD_IP_that_is_not_an_address_falls_back_to_loopback()
    {
        var options = SiloTestOptions.Parse(files, "--silo-port=11111") with { PodIP = "not-an-ip" };
        Assert.Equal(IPAddress.Loopback, SiloEndpoint.From(options).Address);
    }
}
