using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ccm.Kube.Models;

/// <summary>
/// <c>metadata</c> of every persisted object (meta/v1 ObjectMeta). Fields the server owns (<see cref="Uid"/>,
/// <see cref="ResourceVersion"/>, <see cref="Generation"/>, timestamps) are read-only in practice: a write that sets
/// them is either ignored or, for <see cref="ResourceVersion"/>, taken as an optimistic-concurrency precondition.
/// </summary>
public sealed record ObjectMeta
{
    public string? Name { get; init; }

    /// <summary>Server-side name generation: the server appends a random suffix (create only).</summary>
    public string? GenerateName { get; init; }

    /// <summary>Empty for cluster-scoped objects (Node, Namespace).</summary>
    public string? Namespace { get; init; }

    public string? Uid { get; init; }

    /// <summary>
    /// Opaque version of this object. Clients may only compare two versions for equality; ordering is defined by
    /// the server (API Concepts, "Resource versions").
    /// </summary>
    public string? ResourceVersion { get; init; }

    /// <summary>Incremented by the server on every change of the desired state (not on status writes).</summary>
    public long? Generation { get; init; }

    [JsonConverter(typeof(KubeTimeConverter))]
    public DateTimeOffset? CreationTimestamp { get; init; }

    /// <summary>
    /// Set by the server when a DELETE arrives while <see cref="Finalizers"/> is non-empty; the object is removed
    /// once the last finalizer is gone (API Concepts, "Finalizers").
    /// </summary>
    [JsonConverter(typeof(KubeTimeConverter))]
    public DateTimeOffset? DeletionTimestamp { get; init; }

    public long? DeletionGracePeriodSeconds { get; init; }

    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    public IReadOnlyDictionary<string, string>? Annotations { get; init; }

    public IReadOnlyList<string>? Finalizers { get; init; }

    public IReadOnlyList<OwnerReference>? OwnerReferences { get; init; }

    /// <summary>Fields we do not model (e.g. <c>managedFields</c>), kept so a round trip loses nothing.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
