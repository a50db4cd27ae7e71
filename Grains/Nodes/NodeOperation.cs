using k8s;
using k8s.Models;

namespace Ccm.Grains.Nodes;

/// <summary>
/// One step of a Node's plan. Operations are applied in order and the first failure stops the rest, so the order is
/// part of the plan: the uninitialized taint goes only after providerID, labels and addresses are in place and the
/// primary ENI's source/destination check is off.
/// </summary>
public abstract record NodeOperation
{
    private protected NodeOperation()
    {
    }

    /// <summary>The Kubernetes verb as the dashboard shows it.</summary>
    public abstract string Action { get; }

    /// <summary>What a reader needs to know; never a secret.</summary>
    public abstract string Detail { get; }
}

/// <summary>Writes <c>spec.providerID</c>, which the API server allows only while it is empty.</summary>
public sealed record SetProviderId(string ProviderId) : NodeOperation
{
    public override string Action => "SetProviderID";

    public override string Detail => ProviderId;
}

/// <summary>Sets these labels (only those that differ); other labels are untouched.</summary>
public sealed record PatchLabels(IReadOnlyDictionary<string, string> Labels) : NodeOperation
{
    public override string Action => "PatchLabels";

    public override string Detail => string.Join(", ", Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
}

/// <summary>Replaces <c>status.addresses</c> with this list, through the <c>/status</c> subresource.</summary>
public sealed record PatchAddresses(IReadOnlyList<V1NodeAddress> Addresses) : NodeOperation
{
    public override string Action => "PatchAddresses";

    public override string Detail => string.Join(", ", Addresses.Select(a => $"{a.Type}={a.Address}"));
}

/// <summary>
/// Turns the source/destination check of the node's primary ENI off (ECS ModifyNetworkInterfaceAttribute), so the VPC
/// delivers pod traffic the node routes. Planned only right before the uninitialized taint goes, and only while the
/// check is on, as upstream does; if it fails, the taint stays.
/// </summary>
public sealed record DisableSourceDestCheck(string NetworkInterfaceId) : NodeOperation
{
    public override string Action => "DisableSourceDestCheck";

    public override string Detail => NetworkInterfaceId;
}

/// <summary>Removes every taint with this key, keeping all others.</summary>
public sealed record RemoveTaint(string Key) : NodeOperation
{
    public override string Action => "RemoveTaint";

    public override string Detail => Key;
}

/// <summary>Adds a taint, keeping all others.</summary>
public sealed record AddTaint(V1Taint Taint) : NodeOperation
{
    public override string Action => "AddTaint";

    public override string Detail => $"{Taint.Key}:{Taint.Effect}";
}

/// <summary>Deletes the Node, only if it is still the incarnation (uid) and version the plan was made from.</summary>
public sealed record DeleteNode(string Uid, string? ResourceVersion, string Because) : NodeOperation
{
    public override string Action => "DeleteNode";

    public override string Detail => Because;
}

/// <summary>No write: a Warning Event on the Node. A plan with a warning has nothing else.</summary>
public sealed record WarnNode(NodeWarning Warning) : NodeOperation
{
    public override string Action => "Warning";

    public override string Detail => $"{Warning.Reason}: {Warning.Message}";
}
