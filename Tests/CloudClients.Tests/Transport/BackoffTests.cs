using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Tests.Transport;

public class BackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ThrottleCap = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 200)]
    [InlineData(3, 400)]
    [InlineData(5, 1600)]
    [InlineData(6, 2000)]
    [InlineData(60, 2000)]
    public void The_ceiling_doubles_per_retry_up_to_the_cap(int retry, int ceilingMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(ceilingMs), new Backoff(Base, Cap, ThrottleCap, () => 1).Delay(retry, null));

    [Fact]
    public void Full_jitter_spans_zero_to_the_ceiling()
    {
        Assert.Equal(TimeSpan.Zero, new Backoff(Base, Cap, ThrottleCap, () => 0).Delay(3, null));
        Assert.Equal(TimeSpan.FromMilliseconds(200), new Backoff(Base, Cap, ThrottleCap, () => 0.5).Delay(3, null));
    }

    [Fact]
    public void TimeLeft_is_a_floor_with_a_little_jitter_on_top()
    {
        var delay = new Backoff(Base, Cap, ThrottleCap, () => 0.5).Delay(1, TimeSpan.FromMilliseconds(1500));

        Assert.Equal(TimeSpan.FromMilliseconds(1550), delay);
    }

    [Fact]
    public void A_huge_TimeLeft_is_capped()
    {
        var delay = new Backoff(Base, Cap, ThrottleCap, () => 0).Delay(1, TimeSpan.FromHours(1));

        Assert.Equal(ThrottleCap, delay);
    }

    [Theory]
    [InlineData("Limit:1,Remain:0,TimeLeft:2000,Reset:1234", 2000)]
    [InlineData(" TimeLeft : 15 ", 15)]
    [InlineData("Limit:1,Remain:0", null)]
    [InlineData("TimeLeft:abc", null)]
    [InlineData("", null)]
    public void TimeLeft_is_read_in_milliseconds(string header, int? expectedMs) =>
        Assert.Equal(expectedMs is null ? null : TimeSpan.FromMilliseconds(expectedMs.Value), RateLimitHeaders.ParseTimeLeft(header));

    [Fact]
    public void The_larger_of_the_two_rate_limit_headers_wins()
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation(RateLimitHeaders.UserApi, "TimeLeft:300");
        response.Headers.TryAddWithoutValidation(RateLimitHeaders.User, "TimeLeft:900");

        Assert.Equal(TimeSpan.FromMilliseconds(900), RateLimitHeaders.TimeLeft(response.Headers));
    }
}
