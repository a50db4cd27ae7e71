using System.Security.Cryptography;
using System.Text;
using Ccm.Silo.Dashboard.Auth;
using Ccm.Silo.Tests.Support;

namespace Ccm.Silo.Tests.Dashboard;

/// <summary>Token mode's session cookie: signed for the token, never holding it, ending with its expiry or the token.</summary>
public sealed class DashboardSessionsTests
{
    private const string Token = "s3cr3t-dashboard-token-value";

    private readonly ManualTimeProvider time = new();

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    [Fact]
    public void A_session_is_valid_for_the_token_it_was_issued_for_until_it_expires()
    {
        var sessions = new DashboardSessions(time);
        var (cookie, expires) = sessions.Issue(Hash(Token));

        Assert.Equal(time.GetUtcNow() + DashboardSessions.Lifetime, expires);
        Assert.True(sessions.IsValid(cookie, Hash(Token)));
        time.Advance(DashboardSessions.Lifetime - TimeSpan.FromSeconds(1));
        Assert.True(sessions.IsValid(cookie, Hash(Token)));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(sessions.IsValid(cookie, Hash(Token)));
    }

    [Fact]
    public void Another_silo_with_the_same_token_accepts_the_session()
    {
        var (cookie, _) = new DashboardSessions(time).Issue(Hash(Token));
        Assert.True(new DashboardSessions(time).IsValid(cookie, Hash(Token)));
    }

    [Fact]
    public void A_rotated_token_ends_every_session()
    {
        var sessions = new DashboardSessions(time);
        var (cookie, _) = sessions.Issue(Hash(Token));
        Assert.False(sessions.IsValid(cookie, Hash("rotated-token-value")));
    }

    [Fact]
    public void The_cookie_holds_no_form_of_the_token()
    {
        var (cookie, _) = new DashboardSessions(time).Issue(Hash(Token));
        Assert.DoesNotContain(Token, cookie, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(Token)), cookie, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexString(Hash(Token)), cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToBase64String(Hash(Token)).TrimEnd('='), cookie, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_sign_ins_get_different_sessions()
    {
        var sessions = new DashboardSessions(time);
        Assert.NotEqual(sessions.Issue(Hash(Token)).Value, sessions.Issue(Hash(Token)).Value);
    }

    [Fact]
    public void A_session_whose_expiry_was_pushed_back_is_refused()
    {
        var sessions = new DashboardSessions(time);
        var (cookie, _) = sessions.Issue(Hash(Token));
        var parts = cookie.Split('.');
        parts[1] = (long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) + 86_400).ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.False(sessions.IsValid(string.Join('.', parts), Hash(Token)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1")]
    [InlineData("v1.9999999999.bm9uY2U.bWFj")]
    [InlineData("v2.9999999999.bm9uY2U.bWFj")]
    [InlineData("v1.99999999999999999999999.bm9uY2U.bWFj")]
    [InlineData("v1.-5.bm9uY2U.bWFj")]
    [InlineData("v1.9999999999.bm9uY2U.not*base64")]
    public void Anything_that_is_not_an_issued_session_is_refused(string? cookie)
    {
        Assert.False(new DashboardSessions(time).IsValid(cookie, Hash(Token)));
    }

    [Theory]
    [InlineData("/orleans/", "/orleans/")]
    [InlineData("/services?q=nginx", "/services?q=nginx")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("orleans", "/")]
    [InlineData("//elsewhere.example/", "/")]
    [InlineData("/\\elsewhere.example/", "/")]
    [InlineData("https://elsewhere.example/", "/")]
    [InlineData("/orleans/\r\nSet-Cookie: x=y", "/")]
    public void After_sign_in_the_browser_goes_back_only_to_a_path_of_this_site(string? returnTo, string expected)
    {
        Assert.Equal(expected, SignInRoutes.LocalPath(returnTo));
    }
}
