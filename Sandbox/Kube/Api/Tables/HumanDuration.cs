using System.Globalization;

namespace Ccm.Sandbox.Kube.Api.Tables;

/// <summary>The AGE column's text, with the API server's rounding (<c>k8s.io/apimachinery/pkg/util/duration.HumanDuration</c>).</summary>
internal static class HumanDuration
{
    public static string Since(string? timestamp, DateTimeOffset now) =>
        DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var then)
            ? Format(now - then)
            : "<unknown>";

    public static string Format(TimeSpan d)
    {
        var seconds = (long)d.TotalSeconds;
        if (seconds < -1)
        {
            return "<invalid>";
        }

        if (seconds < 0)
        {
            return "0s";
        }

        if (seconds < 120)
        {
            return Text($"{seconds}s");
        }

        var minutes = (long)d.TotalMinutes;
        if (minutes < 10)
        {
            return seconds % 60 == 0 ? Text($"{minutes}m") : Text($"{minutes}m{seconds % 60}s");
        }

        if (minutes < 180)
        {
            return Text($"{minutes}m");
        }

        var hours = (long)d.TotalHours;
        return hours switch
        {
            < 8 => minutes % 60 == 0 ? Text($"{hours}h") : Text($"{hours}h{minutes % 60}m"),
            < 48 => Text($"{hours}h"),
            < 24 * 8 => hours % 24 == 0 ? Text($"{hours / 24}d") : Text($"{hours / 24}d{hours % 24}h"),
            < 24 * 365 * 2 => Text($"{hours / 24}d"),
            < 24 * 365 * 8 => hours / 24 % 365 == 0 ? Text($"{hours / 24 / 365}y") : Text($"{hours / 24 / 365}y{hours / 24 % 365}d"),
            _ => Text($"{hours / 24 / 365}y"),
        };
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
