using static Ccm.Sandbox.Tests.Aliyun.Api;

namespace Ccm.Sandbox.Tests.Aliyun;

/// <summary>Domain extensions: the SNI domains of an HTTPS listener, each with its own certificate.</summary>
public sealed class DomainExtensionTests
{
    [Fact]
    public async Task A_domain_extension_is_created_listed_recertified_and_deleted()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var lb = await HttpsAsync(f, 443);

        var created = (await f.Client.V2(SignedClient.Slb, "CreateDomainExtension", P(("LoadBalancerId", lb), ("ListenerPort", "443"),
            ("Domain", "*.example.com"), ("ServerCertificateId", "cert-a")))).Ok();
        var id = created["DomainExtensionId"].GetString()!;
        Assert.Equal(443, created["ListenerPort"].GetInt32());
        Assert.StartsWith("de-", id);
        Assert.Equal([(id, "*.example.com", "cert-a")], await ListAsync(f, lb));

        (await f.Client.V3(SignedClient.Slb, "SetDomainExtensionAttribute", P(("DomainExtensionId", id), ("ServerCertificateId", "cert-b")))).Ok();
        var attribute = (await f.Client.V2(SignedClient.Slb, "DescribeLoadBalancerHTTPSListenerAttribute", P(("LoadBalancerId", lb), ("ListenerPort", "443")))).Ok();
        var shown = Assert.Single(attribute["DomainExtensions"].GetProperty("DomainExtension").EnumerateArray());
        Assert.Equal((id, "cert-b"), (shown.GetProperty("DomainExtensionId").GetString(), shown.GetProperty("ServerCertificateId").GetString()));

        (await f.Client.V2(SignedClient.Slb, "DeleteDomainExtension", P(("DomainExtensionId", id)))).Ok();
        Assert.Empty(await ListAsync(f, lb));
        (await f.Client.V2(SignedClient.Slb, "DeleteDomainExtension", P(("DomainExtensionId", id)))).Fails(400, "InvalidParameter.DomainExtensionId");
    }

    [Fact]
    public async Task Only_an_existing_HTTPS_listener_takes_one_domain_once()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var lb = await HttpsAsync(f, 443);
        await ClbScenario.GroupWithListenerAsync(f, lb, 80);
        var create = (string port, string domain) => f.Client.V2(SignedClient.Slb, "CreateDomainExtension", P(("LoadBalancerId", lb),
            ("ListenerPort", port), ("Domain", domain), ("ServerCertificateId", "cert-a")));

        (await create("443", "www.example.com")).Ok();
        (await create("443", "WWW.example.com")).Fails(400, "DomainExtensionAlreadyExists");
        (await create("80", "api.example.com")).Fails(400, "InvalidParameter");
        (await create("8443", "api.example.com")).Fails(400, "InvalidParameter");
        (await create("443", "not a domain")).Fails(400, "InvalidParameter");
        (await f.Client.V2(SignedClient.Slb, "CreateDomainExtension", P(("LoadBalancerId", "lb-none"), ("ListenerPort", "443"),
            ("Domain", "a.example.com"), ("ServerCertificateId", "c")))).Fails(400, "InvalidLoadBalancerId.NotFound");
        Assert.Single(await ListAsync(f, lb));
    }

    [Fact]
    public async Task Deleting_the_listener_deletes_its_domain_extensions()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var lb = await HttpsAsync(f, 443);
        var id = (await f.Client.V2(SignedClient.Slb, "CreateDomainExtension", P(("LoadBalancerId", lb), ("ListenerPort", "443"),
            ("Domain", "a.example.com"), ("ServerCertificateId", "cert-a")))).Ok()["DomainExtensionId"].GetString()!;

        (await f.Client.V2(SignedClient.Slb, "DeleteLoadBalancerListener", P(("LoadBalancerId", lb), ("ListenerPort", "443")))).Ok();

        (await f.Client.V2(SignedClient.Slb, "SetDomainExtensionAttribute", P(("DomainExtensionId", id), ("ServerCertificateId", "cert-b"))))
            .Fails(400, "InvalidParameter.DomainExtensionId");
        Assert.Empty((await f.Client.V2(SignedClient.Slb, "DescribeDomainExtensions", P(("LoadBalancerId", lb)))).Ok()
            ["DomainExtensions"].GetProperty("DomainExtension").EnumerateArray());
    }

    private static async Task<string> HttpsAsync(EmulatorFixture f, int port)
    {
        var lb = await ClbScenario.CreateAsync(f);
        (await f.Client.V2(SignedClient.Slb, "CreateLoadBalancerHTTPSListener", P(("LoadBalancerId", lb), ("ListenerPort", $"{port}"),
            ("Bandwidth", "-1"), ("HealthCheck", "off"), ("BackendServerPort", "30443"), ("ServerCertificateId", "cert-default")))).Ok();
        return lb;
    }

    private static async Task<List<(string?, string?, string?)>> ListAsync(EmulatorFixture f, string lb) =>
        [.. (await f.Client.V2(SignedClient.Slb, "DescribeDomainExtensions", P(("LoadBalancerId", lb), ("ListenerPort", "443")))).Ok()
            ["DomainExtensions"].GetProperty("DomainExtension").EnumerateArray()
            .Select(d => (d.GetProperty("DomainExtensionId").GetString(), d.GetProperty("Domain").GetString(), d.GetProperty("ServerCertificateId").GetString()))];
}
