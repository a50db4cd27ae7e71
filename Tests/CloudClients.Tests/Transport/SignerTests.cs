using Ccm.CloudClients.Signing;
using Ccm.CloudClients.Tests.Fakes;
using Ccm.CloudClients.Transport;
using Ccm.CloudClients.Vpc;

namespace Ccm.CloudClients.Tests.Transport;

/// <summary>The wire shape of both signature versions, re-verified the way a server would.</summary>
public class SignerTests
{
    private static async Task<RecordedRequest> SendOne(SignatureVersion version, bool sts)
    {
        var handler = new RecordingHandler((_, _) => RecordingHandler.Ok());
        var transport = TestClients.Transport(handler, CloudClients.Endpoints.CloudProduct.Vpc, TestClients.Options(o => o.SignatureVersion = version), sts);
        await new VpcClient(transport).DescribeVpcAttributeAsync("vpc-1", CancellationToken.None);
        return Assert.Single(handler.Requests);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task V2_posts_everything_in_the_query_with_a_signature_the_server_can_recompute(bool sts)
    {
        var request = await SendOne(SignatureVersion.V2, sts);

        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/", request.Uri.AbsolutePath);
        Assert.Equal("", request.Body);
        Assert.Equal("DescribeVpcAttribute", request.Query["Action"]);
        Assert.Equal("2016-04-28", request.Query["Version"]);
        Assert.Equal("cn-hangzhou", request.Query["RegionId"]);
        Assert.Equal("vpc-1", request.Query["VpcId"]);
        Assert.Equal("JSON", request.Query["Format"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", request.Query["Timestamp"]);
        Assert.Equal(sts, request.Query.ContainsKey("SecurityToken"));
        var expected = RpcSignatureV2.Sign(TestClients.AccessKeySecret, RpcSignatureV2.StringToSign("POST", request.Query));
        Assert.Equal(expected, request.Query["Signature"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task V3_signs_host_and_acs_headers_and_keeps_credentials_out_of_the_query(bool sts)
    {
        var request = await SendOne(SignatureVersion.V3, sts);

        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(["RegionId", "VpcId"], request.Query.Keys.Order());
        Assert.Equal("DescribeVpcAttribute", request.Headers["x-acs-action"]);
        Assert.Equal(Acs3Signature.EmptyPayloadHash, request.Headers["x-acs-content-sha256"]);
        Assert.Equal(sts, request.Headers.ContainsKey("x-acs-security-token"));
        var signedNames = request.Headers.Keys.Where(Acs3Signature.IsSignedHeader).ToList();
        var (canonical, signedHeaders) = Acs3Signature.CanonicalRequest("POST", "/", request.Query,
            signedNames.Select(n => KeyValuePair.Create(n, request.Headers[n])), Acs3Signature.EmptyPayloadHash);
        var signature = Acs3Signature.Sign(TestClients.AccessKeySecret, Acs3Signature.StringToSign(canonical));
        Assert.Equal(Acs3Signature.AuthorizationHeader(TestClients.AccessKeyId, signedHeaders, signature), request.Headers["authorization"]);
        Assert.Contains("host", signedHeaders.Split(';'));
    }

    [Fact]
    public async Task Values_needing_percent_encoding_survive_the_round_trip()
    {
        var handler = new RecordingHandler((_, _) => RecordingHandler.Ok());
        var transport = TestClients.Transport(handler, options: TestClients.Options(o => o.SignatureVersion = SignatureVersion.V2));
        await transport.CallAsync(CloudAction.Read("X"), new RpcParameters().Add("Description", "k8s/80/svc ns+*~/é"), TransportJsonContext.Default.OpenApiResponse, CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.Equal("k8s/80/svc ns+*~/é", request.Query["Description"]);
        Assert.Equal(RpcSignatureV2.Sign(TestClients.AccessKeySecret, RpcSignatureV2.StringToSign("POST", request.Query)), request.Query["Signature"]);
    }
}
