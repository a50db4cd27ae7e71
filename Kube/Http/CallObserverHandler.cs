using System.Diagnostics;

namespace Ccm.Kube.Http;

/// <summary>
/// Tells the <see cref="IKubeCallObserver"/> of every request that reaches the network (so the recorded calls are
/// exactly what RBAC must allow) and measures each one's status and time to response headers.
/// </summary>
public sealed class CallObserverHandler(IKubeCallObserver? observer, KubeMetrics? metrics) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = request.RequestUri is { } uri ? KubeRequestPath.Classify(request.Method, uri) : null;
        if (call is not null)
        {
            observer?.OnCall(call);
        }

        var started = Stopwatch.GetTimestamp();
        var response = await base.SendAsync(request, cancellationToken);
        if (call is not null)
        {
            metrics?.Request(call, (int)response.StatusCode, Stopwatch.GetElapsedTime(started));
        }

        return response;
    }
}
