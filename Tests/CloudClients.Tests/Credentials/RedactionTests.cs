using Ccm.CloudClients.Credentials;
using Ccm.CloudClients.Endpoints;
using Ccm.CloudClients.Tests.Fakes;
using Ccm.CloudClients.Transport;
using Ccm.TestSupport;

namespace Ccm.CloudClients.Tests.Credentials;

/// <summary>No secret reaches ToString, exception text or a log line, whatever path a failure takes.</summary>
public class RedactionTests
{
    private static readonly string[] Secrets = [TestClients.AccessKeySecret, TestClients.SecurityToken];

    [Fact]
    public void Credential_types_print_no_secret()
    {
        var texts = new[]
        {
            TestClients.Credential(sts: true).ToString(),
            new SecretString(TestClients.AccessKeySecret).ToString(),
            new CredentialOptions { AccessKeyId = "id", AccessKeySecret = TestClients.AccessKeySecret, SecurityToken = TestClients.SecurityToken }.ToString(),
            new CloudClientOptions { Credentials = { AccessKeySecret = TestClients.AccessKeySecret } }.ToString(),
            new StaticCredentialProvider(TestClients.Credential(sts: true)).ToString(),
            CloudEnvironment.Empty.With(CloudEnvironment.AccessKeySecret, TestClients.AccessKeySecret).ToString(),
        };

        Assert.All(texts, text => Assert.All(Secrets, secret => Assert.DoesNotContain(secret, text)));
        Assert.DoesNotContain(TestClients.AccessKeyId, TestClients.Credential().ToString());
    }

    [Fact]
    public void A_secret_serializes_to_nothing()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new SecretString(TestClients.AccessKeySecret), SecretJson.Default.SecretString);

        Assert.Equal("{}", json);
    }

    [Theory]
    [InlineData(SignatureVersion.V2)]
    [InlineData(SignatureVersion.V3)]
    public async Task A_signature_mismatch_echoing_the_string_to_sign_leaks_nothing(SignatureVersion version)
    {
        // The real service echoes its string-to-sign; in V2 that holds AccessKeyId and SecurityToken, percent-encoded.
        var handler = new RecordingHandler((r, _) =>
        {
            var echoed = CloudClients.Signing.RpcSignatureV2.StringToSign("POST", r.Query.Append(KeyValuePair.Create("SecurityToken", TestClients.SecurityToken)));
            return RecordingHandler.Error(400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation. server string to sign is:" + echoed);
        });
        using var logs = new CapturingLoggerProvider();
        var transport = TestClients.Transport(handler, CloudProduct.Vpc, TestClients.Options(o => o.SignatureVersion = version), sts: true, loggers: logs.CreateFactory());

        var ex = await Assert.ThrowsAsync<OpenApiException>(() =>
            transport.CallAsync(CloudAction.Read("DescribeVpcs"), new RpcParameters().Add("VpcId", "vpc-1"), TransportJsonContext.Default.OpenApiResponse, default));

        Assert.Equal("SignatureDoesNotMatch", ex.Code);
        Assert.Contains("server string-to-sign omitted", ex.Message);
        SecretForms.AssertAbsent(ex.ToString() + "\n" + logs.AllText(), [.. Secrets, TestClients.AccessKeyId]);
    }

    [Fact]
    public async Task Trace_logs_show_parameters_but_never_credentials()
    {
        var handler = new RecordingHandler((_, i) => i == 0 ? RecordingHandler.Error(400, "Throttling") : RecordingHandler.Ok());
        using var logs = new CapturingLoggerProvider();
        var transport = TestClients.Transport(handler, sts: true, loggers: logs.CreateFactory(),
            options: TestClients.Options(o => o.SignatureVersion = SignatureVersion.V2));

        await transport.CallAsync(CloudAction.Read("DescribeLoadBalancers"), new RpcParameters().Add("VpcId", "vpc-1"), TransportJsonContext.Default.OpenApiResponse, default);

        var text = logs.AllText();
        Assert.Contains("VpcId=vpc-1", text);
        Assert.Contains("Throttling", text);
        SecretForms.AssertAbsent(text, [.. Secrets, TestClients.AccessKeyId]);
    }

    [Fact]
    public void Sensitive_parameter_names_are_masked_in_log_renderings() =>
        Assert.Equal("VpcId=v Signature=*** SecurityToken=*** AccessKeyId=***",
            ParameterRedaction.Format([new("VpcId", "v"), new("Signature", "s"), new("SecurityToken", "t"), new("AccessKeyId", "a")]));
}

[System.Text.Json.Serialization.JsonSerializable(typeof(SecretString))]
internal sealed partial class SecretJson : System.Text.Json.Serialization.JsonSerializerContext;
