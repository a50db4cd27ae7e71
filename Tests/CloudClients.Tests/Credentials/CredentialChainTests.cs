using Ccm.CloudClients.Credentials;
using Ccm.CloudClients.Endpoints;
using Ccm.CloudClients.Metadata;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ccm.CloudClients.Tests.Credentials;

public class CredentialChainTests
{
    private static readonly CloudEnvironment EnvWithKeys = CloudEnvironment.Empty
        .With(CloudEnvironment.AccessKeyId, "LTAIenvironment01").With(CloudEnvironment.AccessKeySecret, "env-secret-value");

    private static ICredentialProvider Create(CredentialOptions options, CloudEnvironment environment) =>
        CredentialChain.Create(options, environment, () => throw new InvalidOperationException("metadata must not be touched"),
            TimeProvider.System, NullLoggerFactory.Instance);

    [Fact]
    public async Task Configured_keys_win_over_the_environment()
    {
        var provider = Create(new CredentialOptions { AccessKeyId = "LTAIconfigured01", AccessKeySecret = "cfg-secret" }, EnvWithKeys);

        var credential = await provider.GetCredentialAsync(default);

        Assert.Equal(("LTAIconfigured01", CredentialSource.Static), (credential.AccessKeyId, credential.Source));
    }

    [Fact]
    public async Task Environment_keys_come_second()
    {
        var credential = await Create(new CredentialOptions(), EnvWithKeys).GetCredentialAsync(default);

        Assert.Equal(("LTAIenvironment01", CredentialSource.Environment), (credential.AccessKeyId, credential.Source));
    }

    [Fact]
    public async Task A_configured_STS_token_is_carried()
    {
        var options = new CredentialOptions { AccessKeyId = "STS.id", AccessKeySecret = "secret", SecurityToken = "token-value" };

        Assert.NotNull((await Create(options, CloudEnvironment.Empty).GetCredentialAsync(default)).SecurityToken);
    }

    [Fact]
    public void Without_keys_the_RAM_role_is_used_and_a_half_pair_is_ignored()
    {
        var metadata = new MetadataClient(new HttpClient(), new MetadataOptions(), CloudEnvironment.Empty, TimeProvider.System, NullLogger<MetadataClient>.Instance);

        var provider = CredentialChain.Create(new CredentialOptions { AccessKeyId = "only-the-id" }, CloudEnvironment.Empty, () => metadata,
            TimeProvider.System, NullLoggerFactory.Instance);

        Assert.Equal(CredentialSource.RamRole, provider.Source);
    }
}
