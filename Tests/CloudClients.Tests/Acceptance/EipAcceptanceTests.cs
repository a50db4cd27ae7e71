using Ccm.CloudClients.Slb;
using Ccm.CloudClients.Transport;
using Ccm.CloudClients.Vpc;
using Ccm.Sandbox.Demo;
using Ccm.TestSupport;

namespace Ccm.CloudClients.Tests.Acceptance;

/// <summary>An EIP's life beside an intranet CLB (<c>external-ip-type: eip</c>), against the emulator's asynchronous EIPs.</summary>
public class EipAcceptanceTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Theory]
    [InlineData(SignatureVersion.V2)]
    [InlineData(SignatureVersion.V3)]
    public async Task An_EIP_is_allocated_once_bound_to_a_CLB_found_by_it_unbound_and_released(SignatureVersion version)
    {
        var clients = fixture.CreateClients(Clients.Signing(version));
        var vpc = clients.Vpc;
        var lbId = await IntranetClbAsync(clients.Slb, "eip-" + version);
        var allocate = new AllocateEipAddressRequest { ClientToken = "eip-for-" + lbId, Name = lbId, Tags = [new Tag("kubernetes.do.not.delete", lbId)] };

        var eip = await vpc.AllocateEipAddressAsync(allocate, default);
        Assert.Equal(eip.AllocationId, (await vpc.AllocateEipAddressAsync(allocate, default)).AllocationId);
        await vpc.AssociateEipAddressAsync(new AssociateEipAddressRequest(eip.AllocationId, lbId, "SlbInstance") { ClientToken = "bind-" + lbId }, default);
        var bound = await Eventually.ValueAsync(() => BoundToAsync(vpc, lbId), e => e.Count == 1 && e[0].Status == "InUse", "the EIP is InUse on the CLB");
        await vpc.UnassociateEipAddressAsync(new UnassociateEipAddressRequest(eip.AllocationId)
        {
            ClientToken = "unbind-" + lbId, InstanceId = lbId, InstanceType = "SlbInstance",
        }, default);
        await Eventually.TrueAsync(async () => (await ByIdAsync(vpc, eip.AllocationId)).Single().Status == "Available", "the EIP is Available again");
        await vpc.ReleaseEipAddressAsync(eip.AllocationId, default);
        await Eventually.TrueAsync(async () => (await ByIdAsync(vpc, eip.AllocationId)).Count == 0, "the EIP is released");

        Assert.Equal((eip.AllocationId, eip.EipAddress, lbId, "SlbInstance"), (bound[0].AllocationId, bound[0].IpAddress, bound[0].InstanceId, bound[0].InstanceType));
        Assert.Contains(new Tag("kubernetes.do.not.delete", lbId), bound[0].Tags);
    }

    [Fact]
    public async Task An_internet_CLB_takes_no_EIP_and_the_refusal_is_terminal()
    {
        var clients = fixture.CreateClients();
        var internet = (await clients.Slb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest { ClientToken = "eip-internet", AddressType = "internet" }, default))
            .LoadBalancerId;
        var eip = await clients.Vpc.AllocateEipAddressAsync(new AllocateEipAddressRequest { ClientToken = "eip-for-internet" }, default);

        var refused = await Assert.ThrowsAsync<OpenApiException>(() => clients.Vpc.AssociateEipAddressAsync(
            new AssociateEipAddressRequest(eip.AllocationId, internet, "SlbInstance") { ClientToken = "bind-internet" }, default));

        Assert.Equal(("OperationDenied", false), (refused.Code, refused.IsRetryable));
        Assert.Equal("Available", (await ByIdAsync(clients.Vpc, eip.AllocationId)).Single().Status);
    }

    private static async Task<string> IntranetClbAsync(ISlbClient slb, string token) =>
        (await slb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest
        {
            ClientToken = token, AddressType = "intranet", VSwitchId = DemoWorld.VSwitches[0].VSwitchId,
        }, default)).LoadBalancerId;

    private static async Task<IReadOnlyList<EipAddress>> BoundToAsync(IVpcClient vpc, string lbId) =>
        await vpc.DescribeEipAddressesAsync(new DescribeEipAddressesRequest { AssociatedInstanceType = "SlbInstance", AssociatedInstanceId = lbId, PageSize = 10 }, default)
            .ToListAsync();

    private static async Task<List<EipAddress>> ByIdAsync(IVpcClient vpc, string allocationId) =>
        await vpc.DescribeEipAddressesAsync(new DescribeEipAddressesRequest { AllocationId = allocationId }, default).ToListAsync();
}
