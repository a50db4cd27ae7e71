using System.Globalization;
using Ccm.Sandbox.Aliyun.Protocol;

namespace Ccm.Sandbox.Aliyun.Faults;

/// <summary>
/// A <c>Throttling.User</c> refusal and its rate header. SDKs read <c>TimeLeft</c> (milliseconds) from
/// <c>x-ratelimit-user-api</c> (comma-separated <c>Key:Value</c> pairs) to know when to retry.
/// </summary>
internal sealed record ThrottleRefusal(double Limit, TimeSpan RetryAfter)
{
    public const string HeaderName = "x-ratelimit-user-api";

    public OpenApiException Error => CommonErrors.Throttling();

    public string HeaderValue(DateTimeOffset now)
    {
        var left = (long)Math.Ceiling(RetryAfter.TotalMilliseconds);
        return string.Create(CultureInfo.InvariantCulture,
            $"Limit:{Math.Max(1, (long)Math.Round(Limit))},Remain:0,TimeLeft:{left},Reset:{(now + RetryAfter).ToUnixTimeMilliseconds()}");
    }
}
