using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Ccm.Silo.Flags;

/// <summary>Scalar value parsers for flags. Each error names the value and what is allowed; the caller adds the flag.</summary>
public static class FlagValue
{
    /// <summary>Booleans as Go's <c>strconv.ParseBool</c> reads them, since upstream manifests were written for it.</summary>
    public static bool TryParseBool(string text, out bool value, [NotNullWhen(false)] out string? error)
    {
        (value, error) = text switch
        {
            "1" or "t" or "T" or "true" or "TRUE" or "True" => (true, null),
            "0" or "f" or "F" or "false" or "FALSE" or "False" => (false, (string?)null),
            _ => (false, $"\"{text}\" is not a boolean (allowed: true, false)"),
        };
        return error is null;
    }

    public static bool TryParseInt(string text, out int value, [NotNullWhen(false)] out string? error)
    {
        error = int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)
            ? null
            : $"\"{text}\" is not a whole number";
        return error is null;
    }

    public static bool TryParseFloat(string text, out double value, [NotNullWhen(false)] out string? error)
    {
        error = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value)
            ? null
            : $"\"{text}\" is not a number";
        return error is null;
    }

    /// <summary>A comma-separated list; items are trimmed and empty items dropped (pflag's StringSlice, forgiving spaces).</summary>
    public static ImmutableArray<string> ParseList(string text) =>
        [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>One of a closed set of words, compared case-insensitively; returns the canonical spelling.</summary>
    public static bool TryParseChoice(string text, IReadOnlyList<string> allowed, [NotNullWhen(true)] out string? value, [NotNullWhen(false)] out string? error)
    {
        value = allowed.FirstOrDefault(a => string.Equals(a, text.Trim(), StringComparison.OrdinalIgnoreCase));
        error = value is null ? $"\"{text}\" is not allowed (allowed: {string.Join(", ", allowed)})" : null;
        return value is not null;
    }

    /// <summary>An inclusive range check with a message that states the range.</summary>
    public static string? InRange(int value, int min, int max) =>
        value < min || value > max ? $"{value} is out of range (allowed: {min} to {max})" : null;
}
