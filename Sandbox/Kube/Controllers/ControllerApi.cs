using System.Text.Json.Nodes;
using Ccm.Sandbox.Kube.Discovery;
using Ccm.Sandbox.Kube.Semantics;
using Ccm.Sandbox.Kube.Storage;

namespace Ccm.Sandbox.Kube.Controllers;

/// <summary>What the stand-in controllers read and write with: the current snapshot and the ordinary API verbs.</summary>
internal sealed class ControllerApi(ResourceOperations operations, ResourceCatalog catalog, TimeProvider clock)
{
    public ResourceCatalog Catalog { get; } = catalog;

    public ResourceType Namespaces { get; } = catalog.Require("namespaces");

    public ResourceType Nodes { get; } = catalog.Require("nodes");

    public ResourceType Pods { get; } = catalog.Require("pods");

    public ResourceType Services { get; } = catalog.Require("services");

    public ResourceType Deployments { get; } = catalog.Require("deployments.apps");

    public ResourceType EndpointSlices { get; } = catalog.Require("endpointslices.discovery.k8s.io");

    public StoreSnapshot Snapshot => operations.Snapshot;

    public string Now => Meta.Timestamp(clock);

    /// <summary>Now with sub-second digits, as Go's RFC3339Nano writes times that order events (trigger times).</summary>
    public string NowPrecise => clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public StoredObject Create(ResourceType type, string? ns, JsonObject obj) => operations.Create(type, ns, obj, WriteOptions.Default);

    /// <summary>Writes <paramref name="desired"/> over <paramref name="current"/>, conditional on its resourceVersion.</summary>
    public void Update(ResourceType type, StoredObject current, JsonObject desired, string? subresource = null)
    {
        Meta.Metadata(desired)["resourceVersion"] = current.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        operations.Update(type, current.Namespace, current.Name, desired, subresource, WriteOptions.Default);
    }

    /// <summary>Deletes if still present (a controller racing a user's delete is not an error).</summary>
    public void Delete(ResourceType type, string? ns, string name)
    {
        if (operations.Snapshot.Get(type, ns, name) is not null)
        {
            operations.Delete(type, ns, name, DeleteOptions.Default);
        }
    }

    public static (string Namespace, string Name) Split(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? ("", key) : (key[..slash], key[(slash + 1)..]);
    }
}
