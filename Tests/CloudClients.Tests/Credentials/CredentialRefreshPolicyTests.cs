using Ccm.CloudClients.Credentials;

namespace Ccm.CloudClients.Tests.Credentials;

public class CredentialRefreshPolicyTests
{
    private static readonly DateTimeOffset Issued = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(360, 288)] // 6 h: 80% (4 h 48 min) comes before 5 min ahead of expiry
    [InlineData(60, 48)] // 1 h: 80%
    [InlineData(20, 15)] // 20 min: 16 min vs 15 min -> the 5-minute margin
    [InlineData(10, 5)] // 10 min: 8 vs 5 -> margin
    [InlineData(3, 0)] // shorter than the margin: refresh on the next call
    [InlineData(0, 0)]
    [InlineData(-5, 0)] // already expired
    public void Refresh_at_the_earlier_of_80_percent_and_five_minutes_before_expiry(int lifetimeMinutes, int refreshAfterMinutes) =>
        Assert.Equal(Issued.AddMinutes(refreshAfterMinutes), CredentialRefreshPolicy.RefreshAt(Issued, Issued.AddMinutes(lifetimeMinutes)));
}
