using System.Collections.Concurrent;
using Ccm.CloudClients.Transport;
using Ccm.Grains.Events;
using Ccm.Grains.Nodes;
using Ccm.Kube.Client;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Ccm.Grains.Services;

/// <summary>
/// ECS instances that Nodes name in <c>spec.providerID</c> but that do not exist (a typo, or an instance released while
/// its kubelet still reports Ready, which keeps the Node alive). SLB refuses any backend write naming one ("The
/// specified ServerId ... does not exist"), so a single such Node would fail the turn of every Service. The silo's
/// Service grains learn it from that refusal, confirm it with DescribeInstances (the silo's batched lookup) and share
/// it: the Node is left out of every load balancer, with one Warning Event on it naming the instance and the fix, until a
/// look every <see cref="CcmOptions.MissingInstanceRecheck"/> finds the instance, or the Node goes.
/// </summary>
public sealed partial class MissingInstances(IInstanceLookup instances, IEventRecorder events, CcmOptions options, TimeProvider time, ILogger<MissingInstances> logger)
{
    public const string EventReason = "BackendInstanceNotFound";

    /// <summary>Instance id -> when DescribeInstances last said it does not exist.</summary>
    private readonly ConcurrentDictionary<string, DateTimeOffset> confirmedAt = new(StringComparer.Ordinal);

    /// <summary>
    /// <paramref name="nodes"/> without those whose instance is known not to exist; an answer older than the recheck
    /// period is asked again first, and a Node whose instance exists now is kept (and forgotten here).
    /// </summary>
    public async Task<(IReadOnlyList<V1Node> Kept, IReadOnlyList<string> Left)> ExcludeAsync(IReadOnlyList<V1Node> nodes, CancellationToken cancellationToken)
    {
        if (confirmedAt.IsEmpty)
        {
            return (nodes, []);
        }

        var known = nodes.Select(n => (Node: n, Id: NodeEligibility.InstanceId(n)))
            .Where(n => n.Id is not null && confirmedAt.ContainsKey(n.Id))
            .ToList();
        var stale = known.Select(n => n.Id!).Where(id => time.GetUtcNow() - confirmedAt.GetValueOrDefault(id) >= options.MissingInstanceRecheck).Distinct().ToList();
        var found = await Task.WhenAll(stale.Select(async id => (Id: id, Exists: (await instances.FindByIdAsync(id, withSourceDestCheck: false, cancellationToken)).Matches.Count > 0)));
        foreach (var (id, exists) in found)
        {
            if (exists)
            {
                confirmedAt.TryRemove(id, out _);
                LogFound(id);
            }
            else
            {
                confirmedAt[id] = time.GetUtcNow();
            }
        }

        var left = known.Where(n => confirmedAt.ContainsKey(n.Id!)).Select(n => n.Node).ToHashSet();
        return ([.. nodes.Where(n => !left.Contains(n))], [.. left.Select(n => n.Metadata.Name!)]);
    }

    /// <summary>
    /// After a backend write failed because SLB does not know one of its ECS members: asks DescribeInstances about the
    /// failed operation's members (those the message names, else all) and remembers the ones that do not exist, with
    /// a Warning Event on each one's Node. True when it learned one, so the turn can plan again without it.
    /// </summary>
    public async Task<bool> LearnAsync(ServiceOperation failed, Exception failure, IReadOnlyList<V1Node> nodes, CancellationToken cancellationToken)
    {
        if (failure is not OpenApiException refusal || !SlbErrorCodes.IsServerMissing(refusal))
        {
            return false;
        }

        var members = failed switch
        {
            CreateVServerGroupOperation create => create.Backends,
            BackendsOperation change => change.Backends,
            _ => [],
        };
        var ecs = members.Where(m => m.Type == Backend.Ecs && m.ServerId.Length > 0).ToList();
        var named = ecs.Where(m => refusal.ServerMessage.Contains(m.ServerId, StringComparison.Ordinal)).ToList();
        var suspects = (named.Count > 0 ? named : ecs).DistinctBy(m => m.ServerId).ToList();
        var answers = await Task.WhenAll(suspects.Select(async m => (Member: m, Exists: (await instances.FindByIdAsync(m.ServerId, withSourceDestCheck: false, cancellationToken)).Matches.Count > 0)));
        var learned = false;
        foreach (var (member, _) in answers.Where(a => !a.Exists))
        {
            if (confirmedAt.TryAdd(member.ServerId, time.GetUtcNow()))
            {
                Warn(member, nodes.FirstOrDefault(n => n.Metadata.Name == member.NodeName));
            }

            learned = true;
        }

        return learned;
    }

    private void Warn(Backend member, V1Node? node)
    {
        LogMissing(member.ServerId, member.NodeName ?? "(unknown)");
        if (node is not null)
        {
            events.Record(ObjectReferences.For(node), EventSeverity.Warning, EventReason,
                $"ECS instance {member.ServerId} named by spec.providerID \"{node.Spec?.ProviderID}\" does not exist, so load balancers refuse it " +
                "as a backend; this node is left out of every load balancer until the instance exists. Fix spec.providerID, or delete the Node " +
                "if its instance is gone");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "ECS instance {InstanceId} of node {Node} does not exist; the node is left out of every load balancer")]
    private partial void LogMissing(string instanceId, string node);

    [LoggerMessage(Level = LogLevel.Information, Message = "ECS instance {InstanceId} exists now; its node is a load balancer backend again")]
    private partial void LogFound(string instanceId);
}
