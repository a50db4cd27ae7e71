using System.Collections.Concurrent;

namespace Ccm.Grains.Routes;

/// <summary>
/// Route writes in one VPC, one at a time and only once the previous one has settled: the VPC service refuses a route
/// write while an earlier one in the same VPC is still Pending or Deleting (<c>TaskConflict</c>). Every route table
/// grain lives on one silo (route group placement), so this silo-local gate serialises them all. Each holder reports
/// what it wrote (<see cref="Pass.Wrote"/>); the next holder first reads those entries back (through the
/// <c>settled</c> check) until none is still in progress, instead of sending a write that would be refused and retried.
/// </summary>
public sealed class VpcWriteGate(TimeProvider time)
{
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxPoll = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Lane> lanes = new(StringComparer.Ordinal);

    /// <summary>
    /// Waits for the VPC's turn and for its previous write to settle; dispose the result to pass the turn on.
    /// <paramref name="settled"/> reads the entries of the previous write (table id, destinations) and says whether all
    /// have left Pending/Deleting. After a minute of waiting the write goes ahead (the transport retries a refusal).
    /// </summary>
    public async Task<Pass> EnterAsync(string vpcId, Func<LastWrite, CancellationToken, Task<bool>> settled, CancellationToken cancellationToken)
    {
        var lane = lanes.GetOrAdd(vpcId, _ => new Lane());
        await lane.Turn.WaitAsync(cancellationToken);
        var pass = new Pass(lane);
        try
        {
            if (lane.Last is { } last)
            {
                var started = time.GetTimestamp();
                for (var delay = FirstPoll; !await settled(last, cancellationToken) && time.GetElapsedTime(started) < GiveUpAfter; delay = delay * 2 < MaxPoll ? delay * 2 : MaxPoll)
                {
                    await Task.Delay(delay, time, cancellationToken);
                }

                lane.Last = null;
            }

            return pass;
        }
        catch
        {
            pass.Dispose();
            throw;
        }
    }

    /// <summary>The destinations a write touched in one route table.</summary>
    public sealed record LastWrite(string RouteTableId, IReadOnlyList<string> Destinations);

    /// <summary>The VPC's turn: report what was written, then dispose.</summary>
    public sealed class Pass : IDisposable
    {
        private readonly Lane lane;
        private int released;

        internal Pass(Lane lane) => this.lane = lane;

        /// <summary>The next holder waits until these entries have settled.</summary>
        public void Wrote(string routeTableId, IEnumerable<string> destinations)
        {
            var list = destinations.ToList();
            if (list.Count > 0)
            {
                lane.Last = new LastWrite(routeTableId, list);
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                lane.Turn.Release();
            }
        }
    }

    internal sealed class Lane
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);

        public LastWrite? Last { get; set; }
    }
}
