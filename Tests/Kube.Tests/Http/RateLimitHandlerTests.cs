using System.Collections.Concurrent;
using System.Net;
using Ccm.Kube.Client;
using Ccm.Kube.Http;
using Ccm.Kube.Tests.Support;
using Ccm.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Ccm.Kube.Tests.Http;

/// <summary>
/// <c>--kube-api-qps</c>/<c>--kube-api-burst</c> as client-go applies them: a burst goes at once, then one request per
/// 1/qps, in the order they came. Time is a fake clock: the test moves it and counts what got through.
/// </summary>
public sealed class RateLimitHandlerTests : IDisposable
{
    private readonly FakeTimeProvider time = new();
    private readonly ConcurrentQueue<string> reached = new();
    private readonly HttpMessageInvoker client;

    public RateLimitHandlerTests()
    {
        var network = new Answering(reached);
        client = new HttpMessageInvoker(new RateLimitHandler(qps: 2, burst: 3, time: time) { InnerHandler = network });
    }

    public void Dispose() => client.Dispose();

    [Fact]
    public async Task A_burst_goes_at_once_and_the_rest_one_per_period_in_the_order_they_came()
    {
        var sent = Enumerable.Range(1, 7).Select(i => Send($"r{i}")).ToList();

        await Eventually.TrueAsync(() => reached.Count == 3, "the burst passes at once");
        Assert.Equal(["r1", "r2", "r3"], reached);

        time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.Equal(3, reached.Count);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await Eventually.TrueAsync(() => reached.Count == 4, "one more after 1/qps");
        for (var count = 5; count <= 7; count++)
        {
            time.Advance(TimeSpan.FromMilliseconds(500));
            await Eventually.TrueAsync(() => reached.Count == count, $"request {count} after another 1/qps");
        }

        await Task.WhenAll(sent);
        Assert.Equal(["r1", "r2", "r3", "r4", "r5", "r6", "r7"], reached);
    }

    [Fact]
    public async Task An_idle_client_earns_its_burst_back_but_never_more()
    {
        await Task.WhenAll(Enumerable.Range(1, 3).Select(i => Send($"first{i}")));

        time.Advance(TimeSpan.FromMinutes(10));
        var second = Enumerable.Range(1, 5).Select(i => Send($"second{i}")).ToList();

        await Eventually.TrueAsync(() => reached.Count == 6, "a full burst again");
        Assert.DoesNotContain("second4", reached);
        time.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(second);
    }

    [Fact]
    public async Task A_request_cancelled_while_waiting_gives_its_token_back()
    {
        await Task.WhenAll(Enumerable.Range(1, 3).Select(i => Send($"burst{i}")));
        using var giveUp = new CancellationTokenSource();
        var cancelled = Send("cancelled", giveUp.Token);

        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        var after = Send("after"); // waits for the token the cancelled request reserved, not for the one after it
        time.Advance(TimeSpan.FromMilliseconds(500));

        await after.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(["burst1", "burst2", "burst3", "after"], reached);
    }

    [Fact]
    public async Task Zero_qps_means_no_limit()
    {
        using var unlimited = new HttpMessageInvoker(new RateLimitHandler(qps: 0, burst: 1, time: time) { InnerHandler = new Answering(reached) });

        await Task.WhenAll(Enumerable.Range(1, 50).Select(i => unlimited.SendAsync(Request($"r{i}"), CancellationToken.None)));

        Assert.Equal(50, reached.Count);
    }

    [Fact]
    public void The_defaults_are_the_upstream_ccm_flags()
    {
        var options = new KubeClientOptions();

        Assert.Equal(20, options.Qps);
        Assert.Equal(30, options.Burst);
    }

    private Task<HttpResponseMessage> Send(string name, CancellationToken cancellationToken = default) =>
        client.SendAsync(Request(name), cancellationToken);

    private static HttpRequestMessage Request(string name) => new(HttpMethod.Get, $"http://127.0.0.1:1/api/v1/namespaces/default/services/{name}");

    /// <summary>The network: notes which request reached it and answers 200.</summary>
    private sealed class Answering(ConcurrentQueue<string> reached) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            reached.Enqueue(request.RequestUri!.Segments[^1]);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }
}
