using Ccm.CloudClients.Observability;
using Ccm.GrainInterfaces;
using Ccm.GrainInterfaces.State;
using Ccm.Grains;
using Ccm.Grains.Reconcile;
using Ccm.Silo.Composition;
using Ccm.Silo.Dashboard.OrleansDashboard;
using Ccm.Silo.Options;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace Ccm.Silo.Dashboard.Local;

/// <summary>
/// What the dashboard reads on this silo, each optional so a bare host still serves a (thin) dashboard: Orleans'
/// membership and this silo's address, the reconcile layer's live activations, the state board, the cloud call
/// recorder, and the watcher grain of this silo.
/// </summary>
internal sealed class DashboardSources(IServiceProvider services, SiloOptions options, TimeProvider time)
{
    private static readonly TimeSpan WatcherTimeout = TimeSpan.FromSeconds(1);

    private readonly Lazy<ReconcileActivity?> activity = new(services.GetService<ReconcileActivity>);
    private readonly Lazy<IClusterMembershipService?> membership = new(services.GetService<IClusterMembershipService>);
    private readonly Lazy<ILocalSiloDetails?> local = new(services.GetService<ILocalSiloDetails>);
    private readonly Lazy<IGrainFactory?> grains = new(services.GetService<IGrainFactory>);
    private readonly Lazy<IGrainStateBoard?> board = new(services.GetService<IGrainStateBoard>);
    private readonly Lazy<CloudCallRecorder?> cloud = new(services.GetService<CloudCallRecorder>);
    private readonly Lazy<CcmOptions?> ccm = new(services.GetService<CcmOptions>);
    private readonly Lazy<SiloEndpoint?> endpoint = new(services.GetService<SiloEndpoint>);

    public SiloOptions Options => options;

    public TimeProvider Time => time;

    public ReconcileActivity? Activity => activity.Value;

    public IClusterMembershipService? Membership => membership.Value;

    /// <summary>This silo's Orleans address; null on a bare host.</summary>
    public SiloAddress? Self => local.Value?.SiloAddress;

    public IGrainFactory? Grains => grains.Value;

    public CloudCallRecorder? Cloud => cloud.Value;

    public CcmOptions? Ccm => ccm.Value;

    public string SiloName => options.SiloName;

    /// <summary>The port other silos reach this one on (the free port picked for <c>--silo-port=0</c>).</summary>
    public int SiloPort => endpoint.Value?.Port ?? options.SiloPort;

    /// <summary>Where Orleans' dashboard answers on this listener, or null when this silo does not run it.</summary>
    public string? OrleansDashboard => OrleansDashboardMount.IsMounted(services) ? OrleansDashboardMount.PagePath : null;

    public bool DryRun => Ccm?.DryRun ?? options.DryRun;

    /// <summary>Whether this silo runs the controller behind a grain type (<c>service</c>, <c>node</c>, <c>route</c>).</summary>
    public bool Runs(string controller) => Ccm?.Runs(controller) == true;

    public IReadOnlyList<TState> States<TState>() where TState : GrainState => board.Value?.List<TState>() ?? [];

    public TState? State<TState>(string key) where TState : GrainState => board.Value?.Get<TState>(key);

    public async Task<WatcherStatus?> WatcherAsync(CancellationToken cancellationToken)
    {
        if (Grains is not { } factory || Self is not { } self)
        {
            return null;
        }

        try
        {
            return await factory.GetGrain<IWatcherGrain>(GrainKeys.Watcher(self.ToParsableString())).GetStatusAsync().WaitAsync(WatcherTimeout, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
