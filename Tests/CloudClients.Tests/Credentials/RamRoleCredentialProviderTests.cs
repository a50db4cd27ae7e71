using System.Net;
using Ccm.CloudClients.Credentials;
using Ccm.CloudClients.Endpoints;
using Ccm.CloudClients.Metadata;
using Ccm.CloudClients.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ccm.CloudClients.Tests.Credentials;

public class RamRoleCredentialProviderTests
{
    private readonly FakeMetadataServer server = new();
    private readonly ManualTime time = new(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));

    private MetadataClient Metadata(bool imdsV2 = true, CloudEnvironment? environment = null) => new(
        new HttpClient(server.Handler),
        new MetadataOptions { EnableImdsV2 = imdsV2, RetryDelay = TimeSpan.FromMilliseconds(1), MaxAttempts = 3 },
        environment ?? CloudEnvironment.Empty.With(CloudEnvironment.MetadataEndpoint, "127.0.0.1:9"), time, NullLogger<MetadataClient>.Instance);

    private RamRoleCredentialProvider Provider() => new(Metadata(), time, NullLogger<RamRoleCredentialProvider>.Instance);

    [Fact]
    public async Task Fetches_the_first_role_with_an_IMDSv2_token()
    {
        var credential = await Provider().GetCredentialAsync(default);

        Assert.Equal(("STS.Fake0001", CredentialSource.RamRole), (credential.AccessKeyId, credential.Source));
        Assert.NotNull(credential.SecurityToken);
        var first = server.Handler.Requests[0];
        Assert.Equal((HttpMethod.Put, "/latest/api/token", "21600"), (first.Method, first.Uri.AbsolutePath, first.Headers["x-aliyun-ecs-metadata-token-ttl-seconds"]));
        Assert.All(server.Handler.Requests.Skip(1), r => Assert.Equal(FakeMetadataServer.Token, r.Headers["x-aliyun-ecs-metadata-token"]));
        Assert.Equal("127.0.0.1:9", first.Uri.Authority);
    }

    [Fact]
    public async Task Without_IMDSv2_no_token_is_requested()
    {
        server.RequireToken = false;

        Assert.Equal("cn-hangzhou", await Metadata(imdsV2: false).GetRegionIdAsync(default));
        Assert.DoesNotContain(server.Handler.Requests, r => r.Method == HttpMethod.Put);
    }

    [Fact]
    public async Task Cached_until_the_refresh_point_then_refetched()
    {
        var provider = Provider();
        await provider.GetCredentialAsync(default);

        // Lifetime 6 h from LastUpdated: 80% is 4 h 48 min, earlier than 5 min before expiry.
        time.Advance(TimeSpan.FromHours(4.7));
        await provider.GetCredentialAsync(default);
        Assert.Equal(1, server.CredentialFetches);

        server.StsAccessKeyId = "STS.Fake0002";
        server.Expiration = "2026-11-02T00:00:00Z";
        time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal("STS.Fake0002", (await provider.GetCredentialAsync(default)).AccessKeyId);
        Assert.Equal(2, server.CredentialFetches);
    }

    [Fact]
    public async Task A_failed_refresh_keeps_a_still_valid_credential()
    {
        var provider = Provider();
        await provider.GetCredentialAsync(default);
        server.FailCredentials = HttpStatusCode.InternalServerError;
        time.Advance(TimeSpan.FromHours(5));

        var credential = await provider.GetCredentialAsync(default);

        Assert.Equal("STS.Fake0001", credential.AccessKeyId);
    }

    [Fact]
    public async Task A_failed_fetch_with_nothing_valid_cached_throws_without_secrets()
    {
        server.FailCredentials = HttpStatusCode.InternalServerError;

        var ex = await Assert.ThrowsAsync<CredentialsUnavailableException>(() => Provider().GetCredentialAsync(default).AsTask());

        Assert.Contains("KubernetesMasterRole", ex.Message);
        Assert.DoesNotContain("DoNotLeak", ex.ToString());
        Assert.Equal(3, server.CredentialFetches);
    }

    [Fact]
    public async Task Concurrent_callers_share_one_fetch()
    {
        var provider = Provider();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => provider.GetCredentialAsync(default).AsTask()));

        Assert.Equal(1, server.CredentialFetches);
    }

    [Fact]
    public void Invalid_documents_are_rejected_naming_the_problem_only()
    {
        var wire = new RoleCredentialsWire { Code = "Success", AccessKeyId = "STS.x", AccessKeySecret = "s3cr3t-value", Expiration = "2026-11-01T18:00:00Z" };

        var ex = Assert.Throws<CredentialsUnavailableException>(() => RoleCredentialsDocument.FromWire(wire, "role"));

        Assert.Contains("lack a required field", ex.Message);
        Assert.DoesNotContain("s3cr3t", ex.Message);
    }
}
