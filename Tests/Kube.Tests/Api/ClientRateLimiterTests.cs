using Ccm.Kube.Api;

namespace Ccm.Kube.Tests.Api;

public class ClientRateLimiterTests
{
    [Fact]
    public void A_burst_passes_at_once_and_the_next_request_waits()
    {
        using var limiter = ClientRateLimiter.Create(qps: 0.1, burst: 3)!;

        var granted = Enumerable.Range(0, 3).Select(_ => limiter.AttemptAcquire().IsAcquired).ToList();

        Assert.All(granted, Assert.True);
        Assert.False(limiter.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public void Zero_qps_means_no_limit()
    {
        Assert.Null(ClientRateLimiter.Create(qps: 0, burst: 30));
    }

    [Fact]
    public void The_defaults_are_the_upstream_ccm_flags()
    {
        var options = new KubeApiOptions();

        Assert.Equal(20, options.Qps);
        Assert.Equal(30, options.Burst);
    }
}
