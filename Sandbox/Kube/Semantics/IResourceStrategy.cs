using System.Text.Json.Nodes;

namespace Ccm.Sandbox.Kube.Semantics;

/// <summary>
/// Per-kind rules, as the API server's registry strategies (<c>PrepareForCreate</c>, <c>PrepareForUpdate</c>,
/// validation): defaults, allocations, immutable fields. Strategies mutate the object and throw
/// <see cref="KubeApiException"/> (422) for invalid input; allocations go through the transaction so that a dry run or
/// a failed write gives them back.
/// </summary>
internal interface IResourceStrategy
{
    /// <summary>The error text when <paramref name="name"/> is not a valid name for the kind, else null.</summary>
    string? CheckName(string name);

    /// <summary>Whether a create drops <c>status</c> (true for most kinds with a status subresource; nodes keep it).</summary>
    bool ResetsStatusOnCreate { get; }

    void PrepareForCreate(AdmissionContext context, JsonObject obj);

    void PrepareForUpdate(AdmissionContext context, JsonObject obj, JsonObject old);

    /// <summary>Called when a DELETE marks the object (deletionTimestamp set) instead of removing it.</summary>
    void PrepareForDelete(AdmissionContext context, JsonObject obj);

    /// <summary>True when nothing holds the object any more: no finalizers (namespaces also wait for spec.finalizers).</summary>
    bool ReadyToRemove(JsonObject obj);

    /// <summary>Called when the object is finally removed; gives back what it held (cluster IPs, node ports).</summary>
    void OnRemoved(AdmissionContext context, JsonObject obj);
}
