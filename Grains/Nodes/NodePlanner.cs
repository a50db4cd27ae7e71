using Ccm.CloudClients.Ecs;
using k8s;
using k8s.Models;

namespace Ccm.Grains.Nodes;

/// <summary>
/// The node controller's decisions as one pure function: (Node, what DescribeInstances said) -> ordered operations.
/// No I/O, no clock, no logging; every rule is here and table-tested.
/// </summary>
public static class NodePlanner
{
    /// <param name="node">The Node as the cache has it.</param>
    /// <param name="lookup">The lookup for the Node's identity (by id when providerID is set, by IP when it is not);
    /// ignored for skipped and invalid Nodes.</param>
    /// <param name="context">The cluster's region and VPC.</param>
    public static NodePlan Plan(V1Node node, InstanceLookup? lookup, NodePlanContext context)
    {
        var identity = NodeIdentity.Of(node, context.RegionId);
        if (node.Metadata.DeletionTimestamp is not null)
        {
            return new NodePlan(identity, null, [], "the Node is being deleted");
        }

        return identity switch
        {
            NodeIdentity.Skipped skipped => new NodePlan(identity, null, [], skipped.Reason),
            NodeIdentity.Invalid invalid => Warn(identity, null, invalid.Warning),
            NodeIdentity.Unknown unknown => PlanByIp(node, unknown, Require(lookup), context),
            NodeIdentity.Known known => PlanById(node, known, Require(lookup), context),
            _ => throw new InvalidOperationException($"unexpected identity {identity}"),
        };
    }

    private static NodePlan PlanByIp(V1Node node, NodeIdentity.Unknown identity, InstanceLookup lookup, NodePlanContext context)
    {
        if (lookup.Matches.Count == 0)
        {
            return Warn(identity, null, NodeWarnings.NotFoundByIp(identity.PrivateIp, context.VpcId));
        }

        if (lookup.Single is not { } instance)
        {
            return Warn(identity, null, NodeWarnings.AmbiguousIp(identity.PrivateIp, context.VpcId, lookup.Matches.Select(i => i.InstanceId)));
        }

        if (context.NodeWithInstance is { } other)
        {
            return Warn(identity, instance, NodeWarnings.AlreadyMapped(identity.PrivateIp, instance.InstanceId, other));
        }

        var providerId = new ProviderId(context.RegionId, instance.InstanceId).ToString();
        return Sync(node, identity, instance, lookup, [new SetProviderId(providerId)], context);
    }

    private static NodePlan PlanById(V1Node node, NodeIdentity.Known identity, InstanceLookup lookup, NodePlanContext context)
    {
        if (lookup.Single is { } instance)
        {
            return Sync(node, identity, instance, lookup, [], context);
        }

        var id = identity.ProviderId.InstanceId;
        var ready = NodeFacts.ReadyStatus(node) ?? "missing";
        if (!NodeFacts.IsReadyUnknownOrMissing(node))
        {
            return new NodePlan(identity, null, [], $"ECS instance {id} does not exist; the Node is kept while its Ready condition is {ready}");
        }

        if (node.Metadata.Uid is not { Length: > 0 } uid)
        {
            return new NodePlan(identity, null, [], $"ECS instance {id} does not exist, but the Node has no uid to delete it safely by");
        }

        var because = $"ECS instance {id} does not exist and the Node's Ready condition is {ready}";
        return new NodePlan(identity, null, [new DeleteNode(uid, node.Metadata.ResourceVersion, because)], because);
    }

    private static NodePlan Sync(V1Node node, NodeIdentity identity, Instance instance, InstanceLookup lookup, List<NodeOperation> operations, NodePlanContext context)
    {
        if (NodeAddresses.Desired(node, instance) is not { } addresses)
        {
            var provided = string.Join(",", NodeFacts.ProvidedNodeIps(node));
            return Warn(identity, instance, NodeWarnings.ProvidedIpNotFound(provided, instance.InstanceId));
        }

        var labels = Labels(instance, context.RegionId)
            .Where(l => NodeFacts.Label(node, l.Key) != l.Value)
            .ToDictionary(StringComparer.Ordinal);
        if (labels.Count > 0)
        {
            operations.Add(new PatchLabels(labels));
        }

        if (!NodeAddresses.Same(node.Status?.Addresses, addresses))
        {
            operations.Add(new PatchAddresses(addresses));
        }

        if (NodeFacts.HasTaint(node, NodeLabels.UninitializedTaint))
        {
            if (SourceDestCheckToDisable(instance, lookup, context) is { } eni)
            {
                operations.Add(new DisableSourceDestCheck(eni));
            }

            operations.Add(new RemoveTaint(NodeLabels.UninitializedTaint));
        }

        if (ShutdownTaintChange(node, instance) is { } change)
        {
            operations.Add(change);
        }

        var reason = operations.Count == 0
            ? $"in step with ECS instance {instance.InstanceId} ({instance.Status})"
            : $"{operations.Count} change(s) to match ECS instance {instance.InstanceId} ({instance.Status})";
        return new NodePlan(identity, instance, operations, reason);
    }

    /// <summary>
    /// cloud-provider's node lifecycle rule: a Ready node never carries the shutdown taint; a NotReady node whose
    /// instance is Stopped gets it. (A NotReady node whose instance runs again keeps it until the kubelet is Ready.)
    /// </summary>
    private static NodeOperation? ShutdownTaintChange(V1Node node, Instance instance)
    {
        var tainted = NodeFacts.HasTaint(node, NodeLabels.ShutdownTaint);
        if (NodeFacts.IsReady(node))
        {
            return tainted ? new RemoveTaint(NodeLabels.ShutdownTaint) : null;
        }

        return instance.Status == "Stopped" && !tainted
            ? new AddTaint(new V1Taint { Key = NodeLabels.ShutdownTaint, Effect = "NoSchedule" })
            : null;
    }

    /// <summary>
    /// The primary ENI to turn the check off on: the lookup read its check and found it on (upstream's rule: an ENI whose
    /// check is off already costs no write; an instance without a primary ENI, or one not read, is initialised without).
    /// </summary>
    private static string? SourceDestCheckToDisable(Instance instance, InstanceLookup lookup, NodePlanContext context) =>
        context.DisableSourceDestCheck && instance.PrimaryNetworkInterfaceId is { } eni && lookup.SourceDestCheck.GetValueOrDefault(eni) ? eni : null;

    /// <summary>
    /// The topology and instance-type labels, GA and deprecated twins alike, and upstream's charge type, spot strategy
    /// and node pool labels; empty values are not written (and a label is never removed).
    /// </summary>
    private static IEnumerable<KeyValuePair<string, string>> Labels(Instance instance, string regionId)
    {
        var region = string.IsNullOrEmpty(instance.RegionId) ? regionId : instance.RegionId;
        (string Key, string? Value)[] labels =
        [
            (NodeLabels.InstanceType, instance.InstanceType), (NodeLabels.BetaInstanceType, instance.InstanceType),
            (NodeLabels.Region, region), (NodeLabels.FailureDomainRegion, region),
            (NodeLabels.Zone, instance.ZoneId), (NodeLabels.FailureDomainZone, instance.ZoneId),
            (NodeLabels.InstanceChargeType, instance.InstanceChargeType), (NodeLabels.SpotStrategy, instance.SpotStrategy),
            (NodeLabels.NodePoolId, instance.NodePoolId),
        ];
        return labels.Where(l => !string.IsNullOrEmpty(l.Value)).Select(l => KeyValuePair.Create(l.Key, l.Value!));
    }

    private static NodePlan Warn(NodeIdentity identity, Instance? instance, NodeWarning warning) =>
        new(identity, instance, [new WarnNode(warning)], warning.Message);

    private static InstanceLookup Require(InstanceLookup? lookup) =>
        lookup ?? throw new ArgumentNullException(nameof(lookup), "a Node with an ECS identity needs its instance lookup");
}
