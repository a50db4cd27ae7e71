using Ccm.Sandbox.Kube.Discovery;
using Ccm.Sandbox.Kube.Semantics;
using Ccm.Sandbox.Kube.Storage;
using Microsoft.Extensions.Logging;

namespace Ccm.Sandbox.Kube.Controllers;

/// <summary>Placeholder for the controllers stand-in (deployments, scheduling, endpoint slices), which lands next.</summary>
internal sealed class ClusterControllers(ObjectStore store, ResourceOperations operations, ResourceCatalog catalog, TimeProvider clock, ILogger<ClusterControllers> logger) : IAsyncDisposable
{
    public void Start() => _ = (store, operations, catalog, clock, logger);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
