using Ccm.CloudClients.Transport;

namespace Ccm.Bench;

/// <summary>Concurrent workers that call round-robin until a duration has passed, counting outcomes.</summary>
internal static class ThroughputWorkers
{
    public static async Task<(long Succeeded, int Failed)> RunAsync(
        IReadOnlyList<Func<CancellationToken, Task>> calls, int workers, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(duration);
        var failed = 0;
        long succeeded = 0;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async worker =>
        {
            for (var i = worker; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    await calls[i % calls.Count](cancellationToken);
                    Interlocked.Increment(ref succeeded);
                }
                catch (Exception error) when (error is OpenApiException or HttpRequestException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }));
        return (succeeded, failed);
    }
}
