using Ccm.CloudClients.Observability;
using Ccm.GrainInterfaces;
using Ccm.GrainInterfaces.State;
using Ccm.Grains;
using Ccm.Runtime;
using Ccm.Silo.Options;
using Microsoft.Extensions.DependencyInjection;

namespace Ccm.Silo.Dashboard.Local;

/// <summary>
/// What the dashboard reads on this silo, each optional so a bare host still serves a (thin) dashboard: the grain
/// runtime's statistics, the grains' state board, the cloud call recorder, the watcher and the CCM options. Nothing
/// here runs until a request asks.
/// </summary>
internal sealed class DashboardSources(IServiceProvider services, SiloOptions options, TimeProvider time)
{
    /// <summary>A watcher that does not answer within this is shown as unknown rather than holding the page.</summary>
    private static readonly TimeSpan WatcherTimeout = TimeSpan.FromSeconds(1);

    private readonly Lazy<GrainSilo?> silo = new(services.GetService<GrainSilo>);
    private readonly Lazy<IGrainStateBoard?> board = new(services.GetService<IGrainStateBoard>);
    private readonly Lazy<CloudCallRecorder?> cloud = new(services.GetService<CloudCallRecorder>);
    private readonly Lazy<CcmOptions?> ccm = new(services.GetService<CcmOptions>);
    private readonly Lazy<HashSet<Type>> registered = new(() => [.. services.GetServices<GrainRegistration>().Select(r => r.Interface)]);

    public SiloOptions Options => options;

    public TimeProvider Time => time;

    public GrainSilo? Silo => silo.Value;

    public CloudCallRecorder? Cloud => cloud.Value;

    public CcmOptions? Ccm => ccm.Value;

    public string SiloName => Silo?.SiloName ?? options.SiloName;

    public bool DryRun => Ccm?.DryRun ?? options.DryRun;

    /// <summary>
    /// Whether this silo can activate <typeparamref name="TGrain"/>: a state board may hold states of a kind whose
    /// controller is off here (published by tests, or before <c>--controllers</c> changed), and the runtime refuses ids
    /// of unregistered grains.
    /// </summary>
    public bool Hosts<TGrain>() => registered.Value.Contains(typeof(TGrain));

    /// <summary>Every published state of one kind, ordered by key (empty without grains).</summary>
    public IReadOnlyList<TState> States<TState>() where TState : GrainState => board.Value?.List<TState>() ?? [];

    public TState? State<TState>(string key) where TState : GrainState => board.Value?.Get<TState>(key);

    /// <summary>The watcher's status, or null when there is no watcher or it is busy past a short wait.</summary>
    public async Task<WatcherStatus?> WatcherAsync(CancellationToken cancellationToken)
    {
        if (Silo is not { } running || !Hosts<IWatcherGrain>())
        {
            return null;
        }

        try
        {
            return await running.GrainFactory.GetGrain<IWatcherGrain>(GrainKeys.Watcher).GetStatusAsync().WaitAsync(WatcherTimeout, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
