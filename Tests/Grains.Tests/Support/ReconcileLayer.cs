using System.Diagnostics.Metrics;
using Ccm.Grains.Placement;
using Ccm.Grains.Reconcile;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace Ccm.Grains.Tests.Support;

/// <summary>
/// Registers what a <see cref="ReconcilerGrain"/> needs from its silo and nothing of the CCM's controllers: the reconcile
/// options, activity and services, this silo's view of key ownership fed from Orleans' membership, and the owner
/// placement directors. The same registrations as <c>AddCcmGrains</c> makes for the reconcile layer.
/// </summary>
internal static class ReconcileLayer
{
    /// <param name="time">The reconcile layer's clock (turn deadlines, dashboard times); the system clock by default.
    /// Orleans keeps its own clock, so its timers and membership run in real time whatever this is.</param>
    public static IServiceCollection AddReconcileLayer(this IServiceCollection services, ReconcileOptions options, TimeProvider? time = null)
    {
        var clock = time ?? TimeProvider.System;
        services.AddSingleton(options);
        services.AddSingleton(sp => new ReconcileActivity(sp.GetRequiredService<IMeterFactory>(), clock));
        services.AddSingleton(sp => new ReconcileServices(
            options, sp.GetRequiredService<ReconcileActivity>(), clock, sp.GetRequiredService<ILogger<ReconcilerGrain>>(),
            sp.GetRequiredService<IHostApplicationLifetime>(), sp.GetRequiredService<ClusterOwnership>(),
            sp.GetRequiredService<IClusterManifestProvider>()));
        services.AddSingleton<ClusterOwnership>();
        services.AddSingleton<IHostedService, ClusterOwnershipTracker>();
        services.AddPlacementDirector<OwnerPlacement, OwnerPlacementDirector>();
        services.AddPlacementDirector<RouteGroupPlacement, OwnerPlacementDirector>();
        services.AddPlacementDirector<NamedSiloPlacement, NamedSiloPlacementDirector>();
        return services;
    }
}
