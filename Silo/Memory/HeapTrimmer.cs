using Ccm.Silo.Flags;
using Ccm.Silo.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ccm.Silo.Memory;

/// <summary>
/// Gives the heap's spare memory back to the system every <c>--memory-trim-period</c> in which the heap grew by more
/// than a tenth of what was live at the last trim (at least <see cref="MinimumGrowth"/>).
/// <para>
/// The GC sizes itself for throughput: it lets the old generation fill with the garbage of turns that outlived a few
/// young collections (a Service turn waits seconds to minutes for a cloud permit) until a budget proportional to the
/// live heap is spent, and keeps the young generation's budget committed between collections. At 5,000 Services that
/// is 30-50 MB over a live heap of about 80 MB, held for minutes when the silo works at the cloud budget's pace, and a
/// pod's memory limit has to cover it. A silo is a controller that waits on a 10 calls/s budget, not a throughput
/// server: a full compacting collection of its heap stops it for tens of milliseconds once in a period, and a heap
/// that did not grow (an idle silo) is not collected at all.
/// </para>
/// </summary>
public sealed partial class HeapTrimmer(SiloOptions options, IProcessHeap heap, TimeProvider time, ILogger<HeapTrimmer> logger) : BackgroundService
{
    /// <summary>Growth below this is never worth a full collection, however small the heap.</summary>
    public const long MinimumGrowth = 4 << 20;

    private long liveAtLastTrim;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(options.MemoryTrimPeriod, time, stoppingToken);
            TrimIfGrown();
        }
    }

    /// <summary>One period's decision: trims when the heap grew past the threshold since the last trim.</summary>
    public bool TrimIfGrown()
    {
        var held = heap.HeldBytes;
        if (held - liveAtLastTrim < Math.Max(MinimumGrowth, liveAtLastTrim / 10))
        {
            return false;
        }

        var trim = heap.Trim();
        liveAtLastTrim = trim.HeldAfter;
        LogTrimmed(logger, ToMiB(trim.HeldBefore), ToMiB(trim.HeldAfter), trim.Pause.TotalMilliseconds, GoDuration.Format(options.MemoryTrimPeriod));
        return true;
    }

    private static double ToMiB(long bytes) => Math.Round(bytes / 1048576.0, 1);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Heap trimmed from {HeldMiB} MiB to {LiveMiB} MiB live in a {PauseMs} ms pause; next check in {MemoryTrimPeriod}")]
    private static partial void LogTrimmed(ILogger logger, double heldMiB, double liveMiB, double pauseMs, string memoryTrimPeriod);
}
