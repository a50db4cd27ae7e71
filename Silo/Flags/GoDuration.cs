using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Ccm.Silo.Flags;

/// <summary>
/// Durations written as Go's <c>time.ParseDuration</c> reads them (<c>90s</c>, <c>5m</c>, <c>1h30m</c>, <c>500ms</c>,
/// <c>1.5h</c>), because the upstream CCM's flags are Go flags and users copy their values unchanged.
/// </summary>
public static class GoDuration
{
    private static readonly (string Unit, double Ticks)[] Units =
    [
        ("ns", 0.01), ("us", 10), ("µs", 10), ("μs", 10), ("ms", TimeSpan.TicksPerMillisecond),
        ("s", TimeSpan.TicksPerSecond), ("m", TimeSpan.TicksPerMinute), ("h", TimeSpan.TicksPerHour),
    ];

    /// <summary>What every duration error shows the user.</summary>
    public const string Examples = "examples: 3m, 90s, 1h30m, 500ms";

    public static bool TryParse(string text, out TimeSpan value, [NotNullWhen(false)] out string? error)
    {
        value = TimeSpan.Zero;
        error = $"\"{text}\" is not a duration ({Examples})";
        var s = text.AsSpan().Trim();
        var negative = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        // Go accepts a bare "0" (and only zero) without a unit.
        if (s is "0")
        {
            error = null;
            return true;
        }

        if (s.IsEmpty)
        {
            return false;
        }

        double ticks = 0;
        while (!s.IsEmpty)
        {
            var numberLength = 0;
            while (numberLength < s.Length && (char.IsAsciiDigit(s[numberLength]) || s[numberLength] == '.'))
            {
                numberLength++;
            }

            if (numberLength == 0 || !double.TryParse(s[..numberLength], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            s = s[numberLength..];
            var unitLength = 0;
            while (unitLength < s.Length && !char.IsAsciiDigit(s[unitLength]) && s[unitLength] != '.')
            {
                unitLength++;
            }

            var unit = s[..unitLength].ToString();
            var scale = Array.Find(Units, u => u.Unit == unit).Ticks;
            if (scale == 0)
            {
                return false;
            }

            ticks += number * scale;
            s = s[unitLength..];
        }

        if (ticks > TimeSpan.MaxValue.Ticks)
        {
            error = $"\"{text}\" is too long a duration";
            return false;
        }

        value = TimeSpan.FromTicks((long)Math.Round(negative ? -ticks : ticks));
        error = null;
        return true;
    }

    /// <summary>Formats as Go would accept it back, compactly: <c>1h30m</c>, <c>90s</c> -> <c>1m30s</c>, <c>500ms</c>.</summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        var text = new StringBuilder(value < TimeSpan.Zero ? "-" : "");
        var rest = value.Duration();
        Append(text, (long)rest.TotalHours, "h");
        Append(text, rest.Minutes, "m");
        Append(text, rest.Seconds, "s");
        Append(text, rest.Milliseconds, "ms");
        if (rest.Ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            Append(text, (rest.Ticks % TimeSpan.TicksPerMillisecond) / 10, "us");
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, long amount, string unit)
    {
        if (amount != 0)
        {
            text.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }
}
