using Ccm.Silo.Flags;

namespace Ccm.Silo.Tests.Flags;

public sealed class GoDurationTests
{
    [Theory]
    [InlineData("5m", 300_000)]
    [InlineData("90s", 90_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("500ms", 500)]
    [InlineData("1.5h", 5_400_000)]
    [InlineData("2h45m30.5s", 9_930_500)]
    [InlineData("0", 0)]
    [InlineData("-1m", -60_000)]
    [InlineData("+10s", 10_000)]
    [InlineData("1000us", 1)]
    [InlineData("1000000ns", 1)]
    public void Parses_Go_syntax(string text, long milliseconds)
    {
        Assert.True(GoDuration.TryParse(text, out var value, out var error), error);
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), value);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("")]
    [InlineData("m")]
    [InlineData("5 m")]
    [InlineData("5min")]
    [InlineData("1d")]
    [InlineData("1.2.3s")]
    [InlineData("five minutes")]
    public void Rejects_what_Go_rejects_with_examples(string text)
    {
        Assert.False(GoDuration.TryParse(text, out _, out var error));
        Assert.Equal($"\"{text}\" is not a duration (examples: 3m, 90s, 1h30m, 500ms)", error);
    }

    [Theory]
    [InlineData(90_000, "1m30s")]
    [InlineData(5_400_000, "1h30m")]
    [InlineData(500, "500ms")]
    [InlineData(0, "0s")]
    [InlineData(-120_000, "-2m")]
    [InlineData(90_000_000, "25h")]
    public void Formats_compactly_and_round_trips(long milliseconds, string expected)
    {
        var formatted = GoDuration.Format(TimeSpan.FromMilliseconds(milliseconds));
        Assert.Equal(expected, formatted);
        Assert.True(GoDuration.TryParse(formatted, out var back, out _));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), back);
    }
}
