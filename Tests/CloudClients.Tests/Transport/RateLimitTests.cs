using System.Diagnostics;
using Ccm.CloudClients.Endpoints;
using Ccm.CloudClients.Tests.Fakes;
using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Tests.Transport;

public class RateLimitTests
{
    [Fact]
    public void One_budget_per_product_shared_by_every_caller()
    {
        using var limiters = new ProductRateLimiters(new CloudClientOptions());

        Assert.Same(limiters.For(CloudProduct.Slb), limiters.For(CloudProduct.Slb));
        Assert.NotSame(limiters.For(CloudProduct.Slb), limiters.For(CloudProduct.Vpc));
    }

    [Fact]
    public void A_zero_rate_means_unlimited()
    {
        using var limiters = new ProductRateLimiters(new Dictionary<string, ProductRateLimit> { ["SLB"] = new() { PermitsPerSecond = 0 } });

        Assert.Null(limiters.For(CloudProduct.Slb));
    }

    [Fact]
    public async Task Calls_beyond_the_burst_wait_for_tokens_across_transports_of_one_product()
    {
        using var limiters = new ProductRateLimiters(new Dictionary<string, ProductRateLimit> { ["SLB"] = new() { PermitsPerSecond = 4, Burst = 2 } });
        var handler = new RecordingHandler((_, _) => RecordingHandler.Ok());
        var a = TestClients.Transport(handler, limiter: limiters.For(CloudProduct.Slb));
        var b = TestClients.Transport(handler, limiter: limiters.For(CloudProduct.Slb));
        var started = Stopwatch.GetTimestamp();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            (i % 2 == 0 ? a : b).CallAsync(CloudAction.Read("X"), new RpcParameters(), TransportJsonContext.Default.OpenApiResponse, default)));

        // Two calls ride the burst, the other two need two replenishments of 250 ms each: a lower bound, not a timing claim.
        Assert.Equal(4, handler.Requests.Count);
        Assert.True(Stopwatch.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(400));
    }

    [Fact]
    public async Task Waiting_for_budget_honours_cancellation()
    {
        using var limiters = new ProductRateLimiters(new Dictionary<string, ProductRateLimit> { ["SLB"] = new() { PermitsPerSecond = 0.1, Burst = 1 } });
        var handler = new RecordingHandler((_, _) => RecordingHandler.Ok());
        var transport = TestClients.Transport(handler, limiter: limiters.For(CloudProduct.Slb));
        await transport.CallAsync(CloudAction.Read("X"), new RpcParameters(), TransportJsonContext.Default.OpenApiResponse, default);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            transport.CallAsync(CloudAction.Read("X"), new RpcParameters(), TransportJsonContext.Default.OpenApiResponse, cts.Token));
        Assert.Single(handler.Requests);
    }
}
