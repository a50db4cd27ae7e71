using Ccm.CloudClients.Credentials;
using Ccm.CloudClients.Endpoints;
using Ccm.CloudClients.Observability;
using Ccm.CloudClients.Transport;
using Ccm.CloudClients.Transport.Budget;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ccm.CloudClients.Tests.Fakes;

/// <summary>Builds transports over a fake handler with fixed credentials and zero backoff, so retries run at once.</summary>
public static class TestClients
{
    public const string AccessKeyId = "LTAI5tTestAccessKeyId01";
    public const string AccessKeySecret = "TestSecretValue-DoNotLeak-1234567890";
    public const string SecurityToken = "CAIS-TestStsToken-DoNotLeak-abcdefghijklmnop";

    public static readonly Uri Endpoint = new("http://127.0.0.1:1/");

    public static CloudCredential Credential(bool sts = false) =>
        new(AccessKeyId, new SecretString(AccessKeySecret), sts ? new SecretString(SecurityToken) : null, null, CredentialSource.Static);

    public static CloudClientOptions Options(Action<CloudClientOptions>? configure = null)
    {
        var options = new CloudClientOptions { RegionId = "cn-hangzhou", MaxAttempts = 4 };
        configure?.Invoke(options);
        return options;
    }

    public static OpenApiTransport Transport(
        HttpMessageHandler handler, CloudProduct? product = null, CloudClientOptions? options = null, bool sts = false,
        ILoggerFactory? loggers = null, CloudCallRecorder? recorder = null, CloudCallBudget? budget = null, Backoff? backoff = null,
        TimeProvider? time = null)
    {
        var opts = options ?? Options();
        return new OpenApiTransport(
            product ?? CloudProduct.Slb, Endpoint, opts, new HttpClient(handler), new StaticCredentialProvider(Credential(sts)),
            budget, new CloudClientMetrics(), recorder ?? new CloudCallRecorder(), time ?? TimeProvider.System,
            (loggers ?? NullLoggerFactory.Instance).CreateLogger<OpenApiTransport>(),
            backoff ?? new Backoff(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromSeconds(5), () => 0));
    }
}
