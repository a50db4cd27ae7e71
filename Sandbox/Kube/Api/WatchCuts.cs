using System.Collections.Concurrent;

namespace Ccm.Sandbox.Kube.Api;

/// <summary>
/// Watch streams to cut in the middle of an event (<see cref="KubeFaults.CutWatchesMidEvent"/>): the next N events any
/// watch of a resource would send go out half written, and that stream then ends, as when a proxy or a restarting API
/// server drops a connection mid-write. The event stays in the history, so a client that watches again from the last
/// version it decoded gets it whole.
/// </summary>
internal sealed class WatchCuts
{
    private readonly ConcurrentDictionary<string, int> pending = new(StringComparer.Ordinal);

    /// <summary>Cuts the next <paramref name="count"/> events sent for <paramref name="resource"/> (a plural: <c>services</c>).</summary>
    public void Arm(string resource, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        pending[resource] = count;
    }

    /// <summary>True (once per armed cut) when this event of <paramref name="resource"/> is to go out half written.</summary>
    public bool TryTake(string resource)
    {
        while (pending.TryGetValue(resource, out var left) && left > 0)
        {
            if (pending.TryUpdate(resource, left - 1, left))
            {
                return true;
            }
        }

        return false;
    }
}
