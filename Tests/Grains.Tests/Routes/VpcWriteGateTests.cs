using Ccm.Grains.Routes;

namespace Ccm.Grains.Tests.Routes;

public sealed class VpcWriteGateTests
{
    [Fact]
    public async Task One_write_at_a_time_per_VPC_and_VPCs_do_not_wait_for_each_other()
    {
        var gate = new VpcWriteGate();
        var first = await gate.EnterAsync("vpc-a", CancellationToken.None);
        var second = gate.EnterAsync("vpc-a", CancellationToken.None);
        using (await gate.EnterAsync("vpc-b", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)))
        {
            Assert.False(second.IsCompleted);
        }

        first.Dispose();
        first.Dispose(); // a second dispose does not let a third writer in
        using var entered = await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(gate.EnterAsync("vpc-a", CancellationToken.None).IsCompleted);
    }
}
