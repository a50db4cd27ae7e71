using Ccm.Silo.Hosting;
using Ccm.Silo.Memory;
using Ccm.Silo.Tests.Support;
using Ccm.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ccm.Silo.Tests.Memory;

public sealed class HeapTrimmerTests : IDisposable
{
    private const long MiB = 1 << 20;

    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void The_first_period_trims_once_the_heap_holds_more_than_the_minimum_growth()
    {
        var heap = new RecordingHeap { Held = HeapTrimmer.MinimumGrowth - 1 };
        var trimmer = Trimmer(heap);

        Assert.False(trimmer.TrimIfGrown());
        heap.Held = HeapTrimmer.MinimumGrowth;
        Assert.True(trimmer.TrimIfGrown());
        Assert.Equal(1, heap.Trims);
    }

    [Theory]
    [InlineData(100, 109, false)] // grew by less than a tenth of what was live
    [InlineData(100, 110, true)]
    [InlineData(10, 13, false)] // a tenth of a small heap is less than the 4 MiB floor
    [InlineData(10, 14, true)]
    [InlineData(100, 90, false)] // shrank on its own
    public void Later_periods_trim_only_when_the_heap_grew_by_a_tenth_of_the_last_live_size(int liveMiB, int heldMiB, bool trims)
    {
        var heap = new RecordingHeap { Held = 500 * MiB, LiveAfterTrim = liveMiB * MiB };
        var trimmer = Trimmer(heap);
        Assert.True(trimmer.TrimIfGrown());

        heap.Held = heldMiB * MiB;
        Assert.Equal(trims, trimmer.TrimIfGrown());
        Assert.Equal(trims ? 2 : 1, heap.Trims);
    }

    [Fact]
    public void An_idle_heap_is_not_collected_again()
    {
        var heap = new RecordingHeap { Held = 80 * MiB, LiveAfterTrim = 80 * MiB };
        var trimmer = Trimmer(heap);
        Assert.True(trimmer.TrimIfGrown());

        for (var period = 0; period < 10; period++)
        {
            heap.Held += MiB / 2;
            trimmer.TrimIfGrown();
        }

        Assert.Equal(1, heap.Trims);
    }

    [Fact]
    public void The_runtime_heap_trim_collects_garbage_and_reports_its_pause()
    {
        var heap = new RuntimeProcessHeap();
        LeaveGarbage(64);

        var trim = heap.Trim();

        Assert.True(trim.HeldBefore - trim.HeldAfter >= 32 * MiB, $"held {trim.HeldBefore} bytes before, {trim.HeldAfter} after");
        Assert.True(trim.Pause > TimeSpan.Zero);
    }

    [Fact]
    public void The_silo_runs_the_trimmer_by_default_every_15_seconds()
    {
        var options = SiloTestOptions.Parse(files);

        Assert.Equal(TimeSpan.FromSeconds(15), options.MemoryTrimPeriod);
        Assert.Contains(HostedServices(options), s => s is HeapTrimmer);
    }

    [Fact]
    public void A_zero_period_leaves_the_heap_to_the_gc()
    {
        var options = SiloTestOptions.Parse(files, "--memory-trim-period=0");

        Assert.Equal(TimeSpan.Zero, options.MemoryTrimPeriod);
        Assert.DoesNotContain(HostedServices(options), s => s is HeapTrimmer);
    }

    // Not inlined, so no local of the test method keeps the arrays reachable (debug builds extend locals' lifetimes).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void LeaveGarbage(int mebibytes)
    {
        var arrays = new byte[mebibytes][];
        for (var i = 0; i < arrays.Length; i++)
        {
            arrays[i] = new byte[MiB];
        }

        GC.KeepAlive(arrays);
    }

    private static HeapTrimmer Trimmer(IProcessHeap heap) =>
        new(new Options.SiloOptions { MemoryTrimPeriod = TimeSpan.FromSeconds(15) }, heap, TimeProvider.System, NullLogger<HeapTrimmer>.Instance);

    private static List<IHostedService> HostedServices(Options.SiloOptions options)
    {
        var builder = SiloHost.CreateBuilder(options, cloudConfig: null);
        using var services = builder.Services.BuildServiceProvider();
        return [.. services.GetServices<IHostedService>()];
    }

    private sealed class RecordingHeap : IProcessHeap
    {
        public long Held { get; set; }

        public long LiveAfterTrim { get; init; }

        public int Trims { get; private set; }

        public long HeldBytes => Held;

        public HeapTrim Trim()
        {
            Trims++;
            var before = Held;
            Held = LiveAfterTrim;
            return new HeapTrim(before, Held, TimeSpan.FromMilliseconds(1));
        }
    }
}
