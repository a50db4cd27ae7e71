namespace Ccm.Bench.Silo;

/// <summary>Polling until a condition holds, for the silo benchmarks (which time processes from outside).</summary>
internal static class Wait
{
    public static async Task UntilAsync(Func<bool> condition, string what, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromMinutes(3));
        while (!condition())
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"not within {timeout ?? TimeSpan.FromMinutes(3)}: {what}");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    public static async Task UntilAsync(Func<Task<bool>> condition, string what, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromMinutes(3));
        while (!await condition())
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"not within {timeout ?? TimeSpan.FromMinutes(3)}: {what}");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
}
