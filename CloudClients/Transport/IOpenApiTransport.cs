using System.Text.Json.Serialization.Metadata;
using Ccm.CloudClients.Endpoints;

namespace Ccm.CloudClients.Transport;

/// <summary>
/// Sends one RPC action of one product: signs, rate-limits, retries per <see cref="RetryPolicy"/>, times out,
/// records metrics, and refuses writes in read-only mode. Typed clients sit on top; callers may also send actions
/// the typed clients do not cover, declaring them with <see cref="CloudAction.Read"/> / <see cref="CloudAction.Write"/>.
/// </summary>
public interface IOpenApiTransport
{
    CloudProduct Product { get; }

    Uri Endpoint { get; }

    /// <summary>Calls <paramref name="action"/> with <paramref name="parameters"/> (plus <c>RegionId</c>) and parses the JSON body.</summary>
    /// <exception cref="OpenApiException">The service refused, or the call failed after the allowed retries.</exception>
    /// <exception cref="ReadOnlyModeException">A write while the client is read-only.</exception>
    Task<T> CallAsync<T>(CloudAction action, RpcParameters parameters, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
        where T : class, IOpenApiResponse;
}

internal static class OpenApiTransportExtensions
{
    /// <summary>Typed clients check their transport once: an SLB request sent to the ECS endpoint would fail obscurely.</summary>
    public static IOpenApiTransport Expect(this IOpenApiTransport transport, CloudProduct product, string client) =>
        transport.Product == product
            ? transport
            : throw new ArgumentException($"{client} needs a {product} transport, not {transport.Product}", nameof(transport));
}
