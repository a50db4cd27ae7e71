using System.Text.Json.Nodes;
using Ccm.Sandbox.Kube.Hosting;

namespace Ccm.Sandbox.Kube;

/// <summary>
/// Fault injection for tests and benchmarks: what a real API server does to clients under etcd compaction, restarts
/// and load.
/// </summary>
public sealed class KubeFaults
{
    private readonly KubeCluster cluster;
    private readonly Lock gate = new();
    private readonly List<Refusal> refusals = [];
    private long latencyTicks;

    internal KubeFaults(KubeCluster cluster) => this.cluster = cluster;

    /// <summary>Delay added before every request is handled (watch streams included, at their start).</summary>
    public TimeSpan RequestLatency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref latencyTicks));
        set => Interlocked.Exchange(ref latencyTicks, Math.Max(0, value.Ticks));
    }

    /// <summary>
    /// The next <paramref name="times"/> requests that <paramref name="match"/> accepts (HTTP method, URL path) are
    /// answered with <paramref name="error"/> before they reach the store, as an API server answers when RBAC denies
    /// a verb (403 Forbidden) or an admission webhook is down.
    /// </summary>
    public void Refuse(Func<string, string, bool> match, int times, KubeApiException error)
    {
        lock (gate)
        {
            refusals.Add(new Refusal(match, error) { Left = times });
        }
    }

    /// <summary>The refusal for this request, counted, or null to serve it.</summary>
    internal KubeApiException? RefusalFor(string method, string path)
    {
        lock (gate)
        {
            var refusal = refusals.FirstOrDefault(r => r.Left > 0 && r.Match(method, path));
            if (refusal is null)
            {
                return null;
            }

            refusal.Left--;
            return refusal.Error;
        }
    }

    /// <summary>The oldest resourceVersion a watch may still start from.</summary>
    public long OldestWatchableResourceVersion => cluster.Store.Events.OldestWatchable;

    /// <summary>
    /// Forgets the watch history up to now (like etcd compaction): a watch from any older resourceVersion gets an
    /// ERROR event with 410 Expired, and so does a list with an older continue token or exact version.
    /// </summary>
    public void CompactHistory() => cluster.Store.Events.Compact();

    /// <summary>
    /// When true, a watch from a forgotten resourceVersion is refused with an HTTP 410 Expired Status instead of a 200
    /// stream holding one ERROR event. Real API servers answer in both forms; clients must relist on either.
    /// </summary>
    public bool ExpiredWatchAsHttpStatus
    {
        get => cluster.Store.Events.ExpiredWatchAsHttpStatus;
        set => cluster.Store.Events.ExpiredWatchAsHttpStatus = value;
    }

    /// <summary>Ends every open watch stream (clients see the connection close, as when an API server restarts).</summary>
    public void CloseAllWatches() => cluster.Store.Events.CloseAllWatches();

    /// <summary>
    /// The next <paramref name="count"/> events any watch of <paramref name="resource"/> (a plural, e.g. <c>services</c>)
    /// sends go out half written, and that watch stream ends there: the client reads a JSON object cut off by the end of
    /// the stream. Nothing else changes; the event stays in the history, so a watch again from the last version the
    /// client decoded gets it whole.
    /// </summary>
    public void CutWatchesMidEvent(string resource, int count = 1) => cluster.WatchCuts.Arm(resource, count);

    /// <summary>
    /// The API server restarts on an etcd that lost its data (replaced, or restored from a backup without the
    /// revision bump): every watch ends; the objects <paramref name="keep"/> accepts (all when null) come back, written
    /// in one transaction at the first resourceVersion a new emulator uses, so every resourceVersion starts low again
    /// and below what clients last saw; the watch history is gone; Service IPs and node ports are re-derived from the
    /// surviving Services; the system namespaces and the <c>kubernetes</c> Service are re-created if they were not
    /// kept, as kube-apiserver does at start. A client that lists again sees the restored state; one that lists or
    /// gets at its old version gets 504 "Too large resource version"; one that resumes its watch from its old version
    /// is accepted and sees nothing until the new versions pass the old one (as against a real API server).
    /// </summary>
    /// <returns>The newest resourceVersion after the restart (the re-created bootstrap objects included).</returns>
    public long RestartWithLostState(Func<JsonObject, bool>? keep = null)
    {
        cluster.RestartWithLostState(keep is null ? _ => true : obj => keep(obj.ToJsonObject()));
        return cluster.Store.Snapshot.ResourceVersion;
    }

    private sealed record Refusal(Func<string, string, bool> Match, KubeApiException Error)
    {
        public int Left { get; set; }
    }
}
