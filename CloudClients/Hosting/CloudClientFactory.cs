using System.Collections.Concurrent;
using Ccm.CloudClients.Credentials;
using Ccm.CloudClients.Ecs;
using Ccm.CloudClients.Endpoints;
using Ccm.CloudClients.Observability;
using Ccm.CloudClients.Slb;
using Ccm.CloudClients.Transport;
using Ccm.CloudClients.Transport.Budget;
using Ccm.CloudClients.Vpc;
using Microsoft.Extensions.Logging;

namespace Ccm.CloudClients.Hosting;

/// <summary>
/// Assembles transports and typed clients from shared parts: one credential provider, one HTTP client, one call
/// budget, one metrics/recorder pair. One transport per product, created on first use.
/// </summary>
public sealed class CloudClientFactory(
    CloudClientOptions options, CloudEnvironment environment, ICredentialProvider credentials, HttpClient http,
    CloudCallBudget budget, CloudClientMetrics metrics, CloudCallRecorder recorder, TimeProvider time, ILoggerFactory loggers)
{
    private readonly ConcurrentDictionary<CloudProduct, IOpenApiTransport> transports = new();

    public CloudClientOptions Options => options;

    /// <summary>The transport of <paramref name="product"/>, for actions the typed clients do not cover.</summary>
    public IOpenApiTransport Transport(CloudProduct product) => transports.GetOrAdd(product, Create);

    public ISlbClient CreateSlbClient() => new SlbClient(Transport(CloudProduct.Slb));

    public IVpcClient CreateVpcClient() => new VpcClient(Transport(CloudProduct.Vpc));

    public IEcsClient CreateEcsClient() => new EcsClient(Transport(CloudProduct.Ecs));

    private OpenApiTransport Create(CloudProduct product)
    {
        if (string.IsNullOrWhiteSpace(options.RegionId))
        {
            throw new InvalidOperationException(
                $"{CloudClientOptions.SectionName}:RegionId is not set; fill it from cloud-config or the metadata service before creating cloud clients");
        }

        var endpoint = EndpointResolver.Resolve(product, options.RegionId, options.Network, environment);
        loggers.CreateLogger<CloudClientFactory>().LogInformation(
            "{Product} endpoint {Endpoint}, signature {SignatureVersion}, read-only {ReadOnly}", product.Name, endpoint, options.SignatureVersion, options.ReadOnly);
        return new OpenApiTransport(product, endpoint, options, http, credentials, budget, metrics, recorder, time,
            loggers.CreateLogger<OpenApiTransport>());
    }
}
