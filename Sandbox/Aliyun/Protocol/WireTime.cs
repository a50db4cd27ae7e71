using System.Globalization;

namespace Ccm.Sandbox.Aliyun.Protocol;

/// <summary>Time formats on the wire: most products use seconds (<c>yyyy-MM-ddTHH:mm:ssZ</c>); ECS instances use minutes.</summary>
internal static class WireTime
{
    public static string Seconds(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static string Minutes(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mmZ", CultureInfo.InvariantCulture);

    public static long UnixMilliseconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds();
}
