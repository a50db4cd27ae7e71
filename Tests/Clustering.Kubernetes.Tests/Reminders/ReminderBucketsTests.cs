using Ccm.Clustering.Kubernetes.Reminders;

namespace Ccm.Clustering.Kubernetes.Tests.Reminders;

/// <summary>How the hash ring maps to buckets, and which buckets a range read must visit.</summary>
public sealed class ReminderBucketsTests
{
    [Theory]
    [InlineData(0u, 16, 0)]
    [InlineData(0x0FFF_FFFFu, 16, 0)]
    [InlineData(0x1000_0000u, 16, 1)]
    [InlineData(0xFFFF_FFFFu, 16, 15)]
    [InlineData(0xFFFF_FFFFu, 3, 2)]
    [InlineData(0x5555_5555u, 3, 0)]
    [InlineData(0x5555_5556u, 3, 1)]
    [InlineData(0xFFFF_FFFFu, 1, 0)]
    public void A_hash_falls_in_the_bucket_of_its_slice_of_the_ring(uint hash, int buckets, int bucket) =>
        Assert.Equal(bucket, ReminderBuckets.Of(hash, buckets));

    [Theory]
    [InlineData(0x0FFF_FFFFu, 0x1000_0000u, new[] { 1 })]
    [InlineData(0x0FFF_FFFEu, 0x0FFF_FFFFu, new[] { 0 })]
    [InlineData(0x1000_0000u, 0x3000_0000u, new[] { 1, 2, 3 })]
    [InlineData(0xF000_0000u, 0x1000_0000u, new[] { 0, 1, 15 })]
    [InlineData(0xFFFF_FFFFu, 0u, new[] { 0 })]
    [InlineData(0xEFFF_FFFFu, 0u, new[] { 0, 15 })]
    public void A_range_read_visits_only_the_buckets_it_overlaps(uint begin, uint end, int[] buckets) =>
        Assert.Equal(buckets, ReminderBuckets.Overlapping(begin, end, 16));

    [Theory]
    [InlineData(5u)]
    [InlineData(0u)]
    [InlineData(0xFFFF_FFFFu)]
    public void A_range_that_begins_where_it_ends_is_the_whole_ring(uint point) =>
        Assert.Equal(Enumerable.Range(0, 16), ReminderBuckets.Overlapping(point, point, 16));

    [Theory]
    [InlineData(10u, 20u, 10u, false)]
    [InlineData(10u, 20u, 11u, true)]
    [InlineData(10u, 20u, 20u, true)]
    [InlineData(10u, 20u, 21u, false)]
    [InlineData(20u, 10u, 21u, true)]
    [InlineData(20u, 10u, 0u, true)]
    [InlineData(20u, 10u, 10u, true)]
    [InlineData(20u, 10u, 15u, false)]
    [InlineData(20u, 10u, 20u, false)]
    [InlineData(7u, 7u, 7u, true)]
    public void A_range_is_open_at_its_beginning_closed_at_its_end_and_wraps(uint begin, uint end, uint hash, bool inside) =>
        Assert.Equal(inside, ReminderBuckets.InRange(hash, begin, end));

    [Fact]
    public void Every_hash_of_a_range_is_in_a_bucket_the_range_visits()
    {
        var random = new Random(20261205);
        foreach (var buckets in new[] { 1, 3, 16, 256 })
        {
            for (var sample = 0; sample < 2000; sample++)
            {
                var (begin, end, hash) = ((uint)random.NextInt64(1L << 32), (uint)random.NextInt64(1L << 32), (uint)random.NextInt64(1L << 32));
                if (ReminderBuckets.InRange(hash, begin, end))
                {
                    Assert.Contains(ReminderBuckets.Of(hash, buckets), ReminderBuckets.Overlapping(begin, end, buckets));
                }
            }
        }
    }
}
