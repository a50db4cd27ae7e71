using Ccm.CloudClients.Credentials;
using Ccm.CloudClients.Metadata;
using Ccm.CloudClients.Slb;
using Ccm.CloudClients.Transport;
using Ccm.CloudClients.Vpc;
using Ccm.Sandbox.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Ccm.CloudClients.Tests.Acceptance;

/// <summary>RAM-role credentials from the emulator's metadata service, and secrets kept out of every text.</summary>
public class CredentialsAcceptanceTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Theory]
    [InlineData(SignatureVersion.V2)]
    [InlineData(SignatureVersion.V3)]
    public async Task RAM_role_credentials_from_the_metadata_service_are_accepted_by_the_OpenAPI(SignatureVersion version)
    {
        var clients = fixture.CreateClients(Clients.Signing(version), withKeys: false);
        var provider = clients.Services.GetRequiredService<ICredentialProvider>();
        var metadata = clients.Services.GetRequiredService<IMetadataClient>();

        var vpcs = await clients.Vpc.DescribeVpcsAsync(new DescribeVpcsRequest(), default).ToListAsync();

        Assert.Equal(CredentialSource.RamRole, provider.Source);
        Assert.Contains(vpcs, v => v.VpcId == DemoWorld.VpcId);
        var credential = await provider.GetCredentialAsync(default);
        Assert.NotNull(credential.SecurityToken);
        await fixture.CallsAsync("DescribeVpcs", calls => calls.Any(c => c.AccessKeyId == credential.AccessKeyId && c.StatusCode == 200),
            "the emulator accepted a call signed with the STS credentials it issued");
        Assert.Equal(DemoWorld.RegionId, await metadata.GetRegionIdAsync(default));
        Assert.Equal(DemoWorld.Nodes[0].InstanceId, await metadata.GetInstanceIdAsync(default));
        AssertNoSecret(credential.AccessKeyId, credential.AccessKeySecret.Reveal(), credential.SecurityToken!.Reveal());
    }

    [Theory]
    [InlineData(SignatureVersion.V2)]
    [InlineData(SignatureVersion.V3)]
    public async Task A_wrong_secret_fails_with_SignatureDoesNotMatch_and_no_secret_in_any_text(SignatureVersion version)
    {
        const string wrongSecret = "wrong-secret-MUST-NOT-LEAK-42";
        var slb = fixture.CreateClients(o =>
        {
            o.SignatureVersion = version;
            o.Credentials.AccessKeyId = EmulatorFixture.AccessKeyId;
            o.Credentials.AccessKeySecret = wrongSecret;
        }).Slb;

        var ex = await Assert.ThrowsAsync<OpenApiException>(() => slb.DescribeLoadBalancerAttributeAsync("lb-any", default));

        Assert.Equal("SignatureDoesNotMatch", ex.Code);
        Assert.False(ex.IsRetryable);
        Fakes.SecretForms.AssertAbsent(ex.ToString(), wrongSecret);
        AssertNoSecret(wrongSecret);
    }

    [Fact]
    public async Task No_secret_appears_in_any_log_line_after_a_busy_session()
    {
        var clients = fixture.CreateClients(o => o.SignatureVersion = SignatureVersion.V2);
        fixture.Emulator.Faults.SetErrorRate(0.3, "DescribeLoadBalancers");
        try
        {
            await clients.Slb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest { ClientToken = "secret-scan", LoadBalancerName = "a-secret-scan" }, default);
            await clients.Slb.DescribeLoadBalancersAsync(new DescribeLoadBalancersRequest(), default).ToListAsync();
            await Assert.ThrowsAsync<OpenApiException>(() => clients.Slb.DescribeLoadBalancerAttributeAsync("lb-missing", default));
        }
        finally
        {
            fixture.Emulator.Faults.SetErrorRate(0, "DescribeLoadBalancers");
        }

        Assert.NotEmpty(fixture.Logs.Entries);
        AssertNoSecret();
    }

    private void AssertNoSecret(params string[] more) =>
        Fakes.SecretForms.AssertAbsent(fixture.Logs.AllText(), [.. more, EmulatorFixture.AccessKeySecret]);
}
