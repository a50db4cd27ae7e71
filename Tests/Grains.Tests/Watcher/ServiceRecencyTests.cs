using Ccm.Grains.Tests.Support;
using Ccm.Grains.Watcher;
using k8s.Models;
using static Ccm.Grains.Tests.Watcher.Objects;

namespace Ccm.Grains.Tests.Watcher;

/// <summary>When a Service's backends last changed: the order of a restart's re-checks.</summary>
public sealed class ServiceRecencyTests
{
    private static readonly DateTime Created = new(2026, 12, 6, 10, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(null, null, "2026-12-06T10:00:00+00:00")] // no slice: the Service's creation
    [InlineData("2026-12-06T11:30:00.123456789Z", null, "2026-12-06T11:30:00.1234568+00:00")] // RFC3339Nano, as upstream writes it (rounded to 100 ns ticks)
    [InlineData("2026-12-06T11:30:00Z", "2026-12-06T12:00:00Z", "2026-12-06T12:00:00+00:00")] // the newest slice wins
    [InlineData("not a time", null, "2026-12-06T10:30:00+00:00")] // unreadable: that slice's creation
    [InlineData("2026-12-06T09:00:00Z", null, "2026-12-06T10:00:00+00:00")] // older than the Service: the Service
    public void The_newest_of_the_Service_and_its_slices_trigger_times(string? first, string? second, string expected)
    {
        var service = Service().Clone(s => s.Metadata.CreationTimestamp = Created);
        List<V1EndpointSlice> slices = [];
        foreach (var trigger in new[] { first, second }.OfType<string>())
        {
            slices.Add(Slice("web", "10.0.0.1").Clone(s =>
            {
                s.Metadata.CreationTimestamp = Created.AddMinutes(30);
                s.Metadata.Annotations = new Dictionary<string, string> { [ServiceRecency.TriggerTimeAnnotation] = trigger };
            }));
        }

        var changed = ServiceRecency.LastChanged(service, slices);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), changed);
    }

    [Fact]
    public void A_slice_without_the_annotation_counts_from_its_creation()
    {
        var service = Service().Clone(s => s.Metadata.CreationTimestamp = Created);
        var slice = Slice("web", "10.0.0.1").Clone(s => s.Metadata.CreationTimestamp = Created.AddHours(1));

        Assert.Equal(new DateTimeOffset(Created.AddHours(1)), ServiceRecency.LastChanged(service, [slice]));
    }
}
