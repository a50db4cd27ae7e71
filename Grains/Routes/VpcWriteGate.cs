using System.Collections.Concurrent;

namespace Ccm.Grains.Routes;

/// <summary>
/// One route write at a time per VPC on this silo: the VPC service refuses concurrent route writes in a VPC
/// (<c>TaskConflict</c>), and every route table grain lives on one silo (one shard), so a silo-local gate serialises
/// them all. A refusal that still happens (the previous write is settling) is retried by the transport with backoff.
/// </summary>
public sealed class VpcWriteGate
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new(StringComparer.Ordinal);

    /// <summary>Waits for the VPC's turn; dispose the result to pass it on.</summary>
    public async Task<IDisposable> EnterAsync(string vpcId, CancellationToken cancellationToken)
    {
        var gate = gates.GetOrAdd(vpcId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
