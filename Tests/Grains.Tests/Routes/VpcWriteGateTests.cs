using Ccm.Grains.Routes;
using Microsoft.Extensions.Time.Testing;

namespace Ccm.Grains.Tests.Routes;

public sealed class VpcWriteGateTests
{
    private static readonly Func<VpcWriteGate.LastWrite, CancellationToken, Task<bool>> AlwaysSettled = (_, _) => Task.FromResult(true);

    [Fact]
    public async Task One_write_at_a_time_per_VPC_and_VPCs_do_not_wait_for_each_other()
    {
        var gate = new VpcWriteGate(TimeProvider.System);
        var first = await gate.EnterAsync("vpc-a", AlwaysSettled, CancellationToken.None);
        var second = gate.EnterAsync("vpc-a", AlwaysSettled, CancellationToken.None);
        using (await gate.EnterAsync("vpc-b", AlwaysSettled, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)))
        {
            Assert.False(second.IsCompleted);
        }

        first.Dispose();
        first.Dispose(); // a second dispose does not let a third writer in
        using var entered = await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(gate.EnterAsync("vpc-a", AlwaysSettled, CancellationToken.None).IsCompleted);
    }

    [Fact]
    public async Task The_next_writer_waits_until_the_previous_writes_entries_have_settled()
    {
        var time = new FakeTimeProvider();
        var gate = new VpcWriteGate(time);
        var checks = new List<VpcWriteGate.LastWrite>();
        var settledAfter = 3;
        Task<bool> Settled(VpcWriteGate.LastWrite last, CancellationToken _)
        {
            checks.Add(last);
            return Task.FromResult(checks.Count >= settledAfter);
        }

        using (var pass = await gate.EnterAsync("vpc-a", Settled, CancellationToken.None))
        {
            pass.Wrote("vtb-1", ["172.20.0.0/24", "172.20.1.0/24"]);
        }

        var next = gate.EnterAsync("vpc-a", Settled, CancellationToken.None);
        for (var i = 0; i < 10 && !next.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Yield();
        }

        using var entered = await next.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(settledAfter, checks.Count);
        Assert.All(checks, c => Assert.Equal(("vtb-1", 2), (c.RouteTableId, c.Destinations.Count)));
    }

    [Fact]
    public async Task A_writer_after_a_turn_that_wrote_nothing_does_not_read()
    {
        var gate = new VpcWriteGate(TimeProvider.System);
        var reads = 0;
        using (await gate.EnterAsync("vpc-a", AlwaysSettled, CancellationToken.None))
        {
        }

        using var second = await gate.EnterAsync("vpc-a", (_, _) => Task.FromResult(++reads > 0), CancellationToken.None);
        Assert.Equal(0, reads);
    }
}
