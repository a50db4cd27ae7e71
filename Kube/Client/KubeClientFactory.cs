using Ccm.Kube.Http;
using k8s;

namespace Ccm.Kube.Client;

/// <summary>
/// Builds KubernetesClient's <see cref="Kubernetes"/> with the CCM's handlers, outermost first: the caller's
/// <see cref="KubeClientOptions.OuterHandlers"/>, the call recorder and metrics, client-go's Retry-After rule, then the
/// QPS limiter right before the network, so a retried request waits for its own permit.
/// </summary>
public static class KubeClientFactory
{
    public static Kubernetes Create(KubernetesClientConfiguration config, KubeClientOptions options)
    {
        var metrics = new KubeMetrics(options.MeterFactory);
        config.UserAgent = options.UserAgent;
        config.HttpClientTimeout = options.RequestTimeout;
        DelegatingHandler[] handlers =
        [
            .. options.OuterHandlers.Select(create => create()),
            new CallObserverHandler(options.CallObserver, metrics),
            new RetryAfterHandler(time: options.TimeProvider),
            new RateLimitHandler(options.Qps, options.Burst, metrics, options.TimeProvider),
        ];
        return new Kubernetes(config, handlers);
    }
}
