using Ccm.Grains.Events;
using k8s.Models;

namespace Ccm.Grains.Tests.Events;

public sealed class EventSpamFilterTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly V1ObjectReference Web = new() { Kind = "Service", NamespaceProperty = "default", Name = "web", Uid = "u1" };
    private static readonly V1ObjectReference Api = new() { Kind = "Service", NamespaceProperty = "default", Name = "api", Uid = "u2" };

    [Fact]
    public void An_object_gets_a_burst_of_25_then_one_event_per_five_minutes()
    {
        var filter = new EventSpamFilter(25, TimeSpan.FromMinutes(5), 100);

        Assert.All(Enumerable.Range(0, 25), _ => Assert.True(filter.Allow(Web, Start)));
        Assert.False(filter.Allow(Web, Start.AddMinutes(4)));
        Assert.True(filter.Allow(Web, Start.AddMinutes(5)));
        Assert.False(filter.Allow(Web, Start.AddMinutes(6)));
        Assert.True(filter.Allow(Web, Start.AddMinutes(10)));
    }

    [Fact]
    public void Objects_have_buckets_of_their_own()
    {
        var filter = new EventSpamFilter(2, TimeSpan.FromMinutes(5), 100);
        Assert.True(filter.Allow(Web, Start) && filter.Allow(Web, Start));
        Assert.False(filter.Allow(Web, Start));
        Assert.True(filter.Allow(Api, Start));
    }

    [Fact]
    public void A_quiet_object_does_not_bank_more_than_its_burst()
    {
        var filter = new EventSpamFilter(2, TimeSpan.FromMinutes(5), 100);
        Assert.True(filter.Allow(Web, Start));
        var later = Start.AddHours(5);
        Assert.True(filter.Allow(Web, later) && filter.Allow(Web, later));
        Assert.False(filter.Allow(Web, later));
    }
}
