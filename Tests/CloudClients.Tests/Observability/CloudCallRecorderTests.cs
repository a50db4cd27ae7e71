using Ccm.CloudClients.Observability;
using Ccm.CloudClients.Tests.Fakes;

namespace Ccm.CloudClients.Tests.Observability;

public class CloudCallRecorderTests
{
    [Fact]
    public void Percentiles_use_nearest_rank_over_the_window()
    {
        var recorder = new CloudCallRecorder(new ManualTime());
        for (var ms = 1; ms <= 100; ms++)
        {
            recorder.RecordAttempt("SLB", "DescribeLoadBalancers", TimeSpan.FromMilliseconds(ms), null, false);
        }

        var stats = Assert.Single(recorder.Snapshot());

        Assert.Equal((50, 90, 99), ((int)stats.P50.TotalMilliseconds, (int)stats.P90.TotalMilliseconds, (int)stats.P99.TotalMilliseconds));
        Assert.Equal(100, stats.WindowSamples);
    }

    [Fact]
    public void Old_samples_leave_the_window_but_totals_stay()
    {
        var time = new ManualTime();
        var recorder = new CloudCallRecorder(time, TimeSpan.FromMinutes(5));
        recorder.RecordAttempt("VPC", "CreateRouteEntry", TimeSpan.FromSeconds(3), "TaskConflict", false);
        time.Advance(TimeSpan.FromMinutes(6));
        recorder.RecordAttempt("VPC", "CreateRouteEntry", TimeSpan.FromMilliseconds(20), null, false);

        var stats = Assert.Single(recorder.Snapshot());

        Assert.Equal((2L, 1L, 1), (stats.Calls, stats.Errors, stats.WindowSamples));
        Assert.Equal(TimeSpan.FromMilliseconds(20), stats.P99);
        Assert.Equal(1, stats.ErrorCodes["TaskConflict"]);
        Assert.Equal("TaskConflict", stats.LastErrorCode);
    }

    [Fact]
    public void Actions_are_kept_apart_and_ordered()
    {
        var recorder = new CloudCallRecorder(new ManualTime());
        recorder.RecordAttempt("VPC", "B", TimeSpan.Zero, null, false);
        recorder.RecordAttempt("SLB", "Z", TimeSpan.Zero, "Throttling", true);
        recorder.RecordAttempt("SLB", "A", TimeSpan.Zero, null, false);

        Assert.Equal(["SLB/A", "SLB/Z", "VPC/B"], recorder.Snapshot().Select(s => $"{s.Product}/{s.Action}"));
        Assert.Equal(1, recorder.Snapshot()[1].Throttles);
    }

    [Fact]
    public void The_ring_is_bounded()
    {
        var recorder = new CloudCallRecorder(new ManualTime(), samplesPerAction: 10);
        for (var i = 0; i < 50; i++)
        {
            recorder.RecordAttempt("ECS", "DescribeInstances", TimeSpan.FromMilliseconds(i), null, false);
        }

        var stats = Assert.Single(recorder.Snapshot());
        Assert.Equal((50L, 10), (stats.Calls, stats.WindowSamples));
        Assert.Equal(TimeSpan.FromMilliseconds(40), stats.P50 - TimeSpan.FromMilliseconds(4));
    }
}
