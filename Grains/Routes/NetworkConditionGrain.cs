using System.Runtime.ExceptionServices;
using Ccm.GrainInterfaces;
using Ccm.Grains.Cluster;
using Ccm.Grains.Placement;
using Ccm.Kube.Client;
using k8s;
using k8s.Models;
using Ccm.Grains.Reconcile;
using Microsoft.Extensions.Logging;

namespace Ccm.Grains.Routes;

/// <summary>
/// Sets each routed node's <c>NetworkUnavailable</c> once every configured table has reported its coverage since this
/// silo began hosting the route shard (before that, a missing report proves nothing, so nothing is written). Writes go
/// through <c>/status</c> and only for nodes whose condition differs (<see cref="NetworkConditionPlanner"/>). Our own
/// write reaches the cache a moment later; until it does, the value written is taken as the node's, so a second table
/// reporting meanwhile does not write the same again.
/// </summary>
[GrainType("ccm-networkcondition")]
[RouteGroupPlacement]
public sealed partial class NetworkConditionGrain(
    IClusterCache cache, RouteTableSet tables, RouteCoverageBoard coverage, IKubernetes kube, CcmOptions options, TimeProvider time,
    ILogger<NetworkConditionGrain> logger, ReconcileServices services) : ReconcilerGrain(services), INetworkConditionGrain
{
    public const string Key = "network-unavailable";

    private readonly Dictionary<string, (string? SeenVersion, V1NodeCondition Written)> written = new(StringComparer.Ordinal);

    protected override string Kind => "networkcondition";

    protected override string PlacementKey => RouteGroupPlacement.Group;

    protected override async Task<ReconcileResult> ReconcileAsync(ReconcileTurn reconcile, CancellationToken cancellationToken)
    {
        var reports = tables.Ids.Select(coverage.Get).ToList();
        if (!cache.HasSynced || reports.Count == 0 || reports.Any(r => r is null))
        {
            return ReconcileResult.Done; // the cache's sync and every table's first report each signal this grain again
        }

        var nodes = cache.ListNodes().ToDictionary(n => n.Metadata.Name ?? "", StringComparer.Ordinal);
        var changes = NetworkConditionPlanner.Plan(RouteNodeSet.From(nodes.Values).Desired, reports!, name => Current(nodes[name]));
        Exception? failure = null;
        foreach (var change in changes)
        {
            try
            {
                await SetAsync(nodes[change.NodeName], change, cancellationToken);
            }
            catch (Exception e) when (e.IsNotFound())
            {
                written.Remove(change.NodeName); // the node is gone; nothing to mark
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failure ??= e; // the other nodes still get theirs; this turn is retried with backoff
            }
        }

        foreach (var gone in written.Keys.Where(name => !nodes.ContainsKey(name)).ToList())
        {
            written.Remove(gone);
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        return ReconcileResult.Done;
    }

    private async Task SetAsync(V1Node node, NetworkCondition change, CancellationToken cancellationToken)
    {
        if (options.DryRun)
        {
            LogWouldSet(change.NodeName, change.Status, change.Reason, change.Message);
            return;
        }

        var now = time.GetUtcNow();
        var patch = NetworkConditionPatch.For(change, Current(node), now);
        await kube.CoreV1.PatchNodeStatusAsync(patch, change.NodeName, cancellationToken: cancellationToken);
        written[change.NodeName] = (node.Metadata.ResourceVersion, new V1NodeCondition
        {
            Type = NetworkCondition.Type, Status = change.Status, Reason = change.Reason, Message = change.Message, LastTransitionTime = now.UtcDateTime,
        });
        LogSet(change.NodeName, change.Status, change.Reason, change.Message);
    }

    /// <summary>The cached condition, or what we wrote while the cache still shows the version we wrote over.</summary>
    private V1NodeCondition? Current(V1Node node)
    {
        var name = node.Metadata.Name ?? "";
        if (written.TryGetValue(name, out var ours))
        {
            if (ours.SeenVersion == node.Metadata.ResourceVersion)
            {
                return ours.Written;
            }

            written.Remove(name);
        }

        return NetworkConditionPatch.Current(node);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Set NetworkUnavailable={Status} ({Reason}) on node {Node}: {Message}")]
    private partial void LogSet(string node, string status, string reason, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dry run: would set NetworkUnavailable={Status} ({Reason}) on node {Node}: {Message}")]
    private partial void LogWouldSet(string node, string status, string reason, string message);
}
