using Ccm.CloudClients.Ecs;

namespace Ccm.Grains.Nodes;

/// <summary>What the node controller decided for one Node, and why.</summary>
/// <param name="Identity">How the Node maps to an instance.</param>
/// <param name="Instance">The instance the plan was made from, when one was found.</param>
/// <param name="Operations">What to do, in order; empty when the Node is in step (or not ours).</param>
/// <param name="Reason">One line for the dashboard.</param>
public sealed record NodePlan(NodeIdentity Identity, Instance? Instance, IReadOnlyList<NodeOperation> Operations, string Reason)
{
    /// <summary>The warning of a warning-only plan.</summary>
    public NodeWarning? Warning => Operations is [WarnNode warn] ? warn.Warning : null;
}

/// <summary>What the planner needs besides the Node and the lookup: the cluster's place in the cloud.</summary>
/// <param name="RegionId">The cluster's region (of providerIDs we write and accept).</param>
/// <param name="VpcId">The cluster's VPC (where IP lookups search).</param>
/// <param name="NodeWithInstance">For an IP lookup that found one instance: another Node whose providerID already
/// names it, if any.</param>
/// <param name="DisableSourceDestCheck">Turn a new node's primary ENI's source/destination check off before its
/// uninitialized taint goes (false with <c>--skip-disable-source-dest-check</c>).</param>
public sealed record NodePlanContext(string RegionId, string VpcId, string? NodeWithInstance = null, bool DisableSourceDestCheck = true);
