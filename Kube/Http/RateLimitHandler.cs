namespace Ccm.Kube.Http;

/// <summary>
/// client-go's client-side limit (<c>--kube-api-qps</c>, <c>--kube-api-burst</c>): a token bucket every request waits
/// for, oldest first, watches included (opening a watch is a request; its stream is not limited).
/// </summary>
/// <param name="qps">Sustained requests per second; 0 or less disables the limit.</param>
/// <param name="burst">Requests allowed at once.</param>
/// <param name="metrics">Where waits are measured.</param>
/// <param name="time">The clock the bucket refills by and waits on.</param>
public sealed class RateLimitHandler(double qps, int burst, KubeMetrics? metrics = null, TimeProvider? time = null) : DelegatingHandler
{
    private readonly TimeProvider clock = time ?? TimeProvider.System;
    private readonly TokenBucket? bucket = qps > 0 ? new TokenBucket(qps, burst, time ?? TimeProvider.System) : null;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (bucket is not null)
        {
            var wait = bucket.Take();
            metrics?.RateLimiterWait(wait);
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, clock, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    bucket.Return();
                    throw;
                }
            }
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
