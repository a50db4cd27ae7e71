using System.Diagnostics;
using Ccm.Sandbox.Kube.Storage;

namespace Ccm.Sandbox.Kube.Api;

/// <summary>
/// A read that asks for a resourceVersion the store has not reached, answered as kube-apiserver's watch cache answers
/// it (<c>watchCache.waitUntilFreshLocked</c>): wait up to 3 seconds for the store to get there, then fail with
/// <c>storage.NewTooLargeResourceVersionError</c>, a 504 Timeout whose cause is <c>ResourceVersionTooLarge</c> and
/// which asks the client to retry after 1 second. Lists (any <c>resourceVersionMatch</c>), continue tokens, gets and
/// watches with <c>sendInitialEvents=true</c> go through here; a plain watch from a future version does not: the real
/// server accepts it and sends nothing until the store passes that version.
/// </summary>
internal sealed class Freshness(ObjectStore store, TimeSpan wait)
{
    /// <summary>The watch cache's <c>resourceVersionTooHighRetrySeconds</c>.</summary>
    private const int RetryAfterSeconds = 1;

    /// <summary>Returns once the store holds <paramref name="resourceVersion"/>; throws the 504 when it does not in time.</summary>
    public async Task EnsureAsync(long resourceVersion, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (store.Snapshot.ResourceVersion is var current && current < resourceVersion)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var left = wait - waited.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                throw KubeApiException.TooLargeResourceVersion(resourceVersion, current, RetryAfterSeconds);
            }

            await store.Events.WaitAsync(current, left, cancellationToken);
        }
    }
}
