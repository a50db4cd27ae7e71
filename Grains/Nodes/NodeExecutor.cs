using Ccm.CloudClients.Ecs;
using Ccm.CloudClients.Transport;
using Ccm.GrainInterfaces.State;
using Ccm.Grains.Events;
using Ccm.Kube.Client;
using k8s;
using k8s.Models;

namespace Ccm.Grains.Nodes;

/// <summary>
/// Applies a Node's plan through the Kubernetes API (and ECS, for the primary ENI's source/destination check), in order,
/// stopping at the first failure. Each write starts from the Node the previous write returned, so a taint patch tests
/// against the list as it is after the writes before it.
/// </summary>
public sealed class NodeExecutor(IKubernetes kube, IEcsClient ecs, IEventRecorder events, TimeProvider time)
{
    public async Task<NodeExecution> ApplyAsync(V1Node node, IReadOnlyList<NodeOperation> operations, CancellationToken cancellationToken)
    {
        var records = new List<OperationRecord>();
        var emitted = new List<GrainEventRecord>();
        var current = node;
        var deleted = false;
        Exception? failure = null;
        foreach (var operation in operations)
        {
            var target = node.Metadata.Name ?? "";
            if (failure is not null)
            {
                records.Add(new OperationRecord(operation.Action, target, operation.Detail, OperationOutcome.NotApplied));
                continue;
            }

            try
            {
                (current, var normal) = await ApplyAsync(current, operation, cancellationToken);
                deleted |= operation is DeleteNode;
                records.Add(new OperationRecord(operation.Action, target, operation.Detail, OperationOutcome.Succeeded));
                if (Event(node, operation, normal) is { } recorded)
                {
                    emitted.Add(recorded);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failure = ex;
                var code = ex is OpenApiException cloud ? cloud.Code : KubeErrors.StatusOf(ex) is { } status ? $"{status.Code} {status.Reason}" : ex.GetType().Name;
                records.Add(new OperationRecord(operation.Action, target, operation.Detail, OperationOutcome.Failed, code, ex.Message));
                if (operation is DisableSourceDestCheck eni)
                {
                    var warning = NodeWarnings.SourceDestCheckNotDisabled(eni.NetworkInterfaceId, $"{code}: {ex.Message}");
                    emitted.Add(Record(node, true, warning.Reason, warning.Message));
                }
            }
        }

        return new NodeExecution(records, current, deleted, emitted, failure);
    }

    /// <returns>The Node after the write, and the text of a Normal Event to record for it, if any.</returns>
    private async Task<(V1Node Node, string? NormalEvent)> ApplyAsync(V1Node node, NodeOperation operation, CancellationToken ct)
    {
        var name = node.Metadata.Name!;
        switch (operation)
        {
            case SetProviderId set:
                var withId = await kube.CoreV1.PatchNodeAsync(NodePatches.ProviderId(set.ProviderId), name, cancellationToken: ct);
                return (withId, $"spec.providerID set to {set.ProviderId}, the ECS instance with the node's private IP");
            case PatchLabels labels:
                var patch = KubePatch.Labels(labels.Labels.ToDictionary(l => l.Key, string? (l) => l.Value, StringComparer.Ordinal));
                return (await kube.CoreV1.PatchNodeAsync(patch, name, cancellationToken: ct), null);
            case PatchAddresses addresses:
                return (await kube.CoreV1.PatchNodeStatusAsync(NodePatches.Addresses(addresses.Addresses), name, cancellationToken: ct), null);
            case DisableSourceDestCheck eni:
                var request = new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = eni.NetworkInterfaceId, SourceDestCheck = false };
                await ecs.ModifyNetworkInterfaceAttributeAsync(request, ct);
                return (node, null);
            case RemoveTaint remove:
                var kept = (node.Spec?.Taints ?? []).Where(t => t.Key != remove.Key).ToList();
                return (await kube.CoreV1.PatchNodeAsync(NodePatches.Taints(node, kept), name, cancellationToken: ct), null);
            case AddTaint add:
                var taints = (node.Spec?.Taints ?? []).Append(add.Taint).ToList();
                return (await kube.CoreV1.PatchNodeAsync(NodePatches.Taints(node, taints), name, cancellationToken: ct), null);
            case DeleteNode delete:
                await DeleteAsync(name, delete, ct);
                return (node, $"Deleting node {name} because {delete.Because}");
            case WarnNode:
                return (node, null);
            default:
                throw new InvalidOperationException($"unknown node operation {operation}");
        }
    }

    /// <summary>
    /// Deletes only the incarnation (uid) and version the plan saw: a Node re-registered under the same name, or one
    /// whose kubelet reported again since, gets a 409 instead of being deleted. Gone already is success.
    /// </summary>
    private async Task DeleteAsync(string name, DeleteNode delete, CancellationToken ct)
    {
        var options = new V1DeleteOptions { Preconditions = new V1Preconditions { Uid = delete.Uid, ResourceVersion = delete.ResourceVersion } };
        try
        {
            await kube.CoreV1.DeleteNodeAsync(name, options, cancellationToken: ct);
        }
        catch (Exception ex) when (ex.IsNotFound())
        {
        }
    }

    private GrainEventRecord? Event(V1Node node, NodeOperation operation, string? normal)
    {
        var (warning, reason, message) = operation switch
        {
            WarnNode warn => (true, warn.Warning.Reason, warn.Warning.Message),
            SetProviderId when normal is not null => (false, "SetProviderID", normal),
            DeleteNode when normal is not null => (false, "DeletingNode", normal),
            _ => (false, "", ""),
        };
        return reason.Length == 0 ? null : Record(node, warning, reason, message);
    }

    private GrainEventRecord Record(V1Node node, bool warning, string reason, string message)
    {
        events.Record(ObjectReferences.For(node), warning ? EventSeverity.Warning : EventSeverity.Normal, reason, message);
        return new GrainEventRecord(time.GetUtcNow(), warning, reason, message);
    }
}
