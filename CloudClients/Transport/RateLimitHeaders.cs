using System.Globalization;
using System.Net.Http.Headers;

namespace Ccm.CloudClients.Transport;

/// <summary>
/// Reads the throttle's remaining time from <c>x-ratelimit-user-api</c> / <c>x-ratelimit-user</c>
/// (<c>Limit:1,Remain:0,TimeLeft:2000,Reset:1234</c>). As the darabonba SDKs do: <c>TimeLeft</c> is in
/// milliseconds and the larger of the two headers wins.
/// </summary>
public static class RateLimitHeaders
{
    public const string UserApi = "x-ratelimit-user-api";
    public const string User = "x-ratelimit-user";

    public static TimeSpan? TimeLeft(HttpResponseHeaders headers)
    {
        var api = headers.TryGetValues(UserApi, out var a) ? ParseTimeLeft(string.Join(',', a)) : null;
        var user = headers.TryGetValues(User, out var u) ? ParseTimeLeft(string.Join(',', u)) : null;
        return (api, user) switch
        {
            (null, null) => null,
            ({ } x, null) => x,
            (null, { } y) => y,
            ({ } x, { } y) => x > y ? x : y,
        };
    }

    /// <summary>The <c>TimeLeft</c> pair of one header value, or null when absent or malformed.</summary>
    public static TimeSpan? ParseTimeLeft(string? value)
    {
        foreach (var pair in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split(':', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && parts[0] == "TimeLeft"
                && long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) && ms >= 0)
            {
                return TimeSpan.FromMilliseconds(ms);
            }
        }

        return null;
    }
}
