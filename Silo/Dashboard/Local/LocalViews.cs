using Ccm.GrainInterfaces;
using Ccm.GrainInterfaces.State;
using Ccm.Runtime;
using Ccm.Silo.Dashboard.Model;

namespace Ccm.Silo.Dashboard.Local;

/// <summary>
/// This silo's part of every page, built on request from its own sources: the answers of <c>/api/local/...</c>,
/// which peers read to assemble the cluster view.
/// </summary>
internal sealed class LocalViews(DashboardSources sources, CloudRates rates)
{
    /// <summary>How many pending plans the overview lists (the count says how many there are).</summary>
    public const int PendingPlanLimit = 20;

    public string SiloName => sources.SiloName;

    public DateTimeOffset Now => sources.Time.GetUtcNow();

    /// <summary>This silo's peers as its membership Leases name them (empty with leader election off).</summary>
    public IReadOnlyList<SiloMember> Peers() => sources.Silo?.GetStatistics().Members.Where(m => !m.IsSelf).ToList() ?? [];

    public async Task<LocalSummary> SummaryAsync(CancellationToken cancellationToken)
    {
        var stats = sources.Silo?.GetStatistics();
        var silo = SiloName;
        var pending = Pending<ServiceGrainState>("services", silo)
            .Concat(Pending<NodeGrainState>("nodes", silo))
            .Concat(Pending<RouteTableGrainState>("routetables", silo))
            .OrderByDescending(p => p.At)
            .ToList();
        return new LocalSummary
        {
            Silo = new SiloSummary
            {
                Name = silo,
                Address = stats?.Members.FirstOrDefault(m => m.IsSelf)?.Address,
                Now = stats?.Now ?? Now,
                DryRun = sources.DryRun,
                Runtime = stats is null ? null : Runtime(stats),
                Watcher = await sources.WatcherAsync(cancellationToken),
            },
            Grains = [Counts<ServiceGrainState>("services"), Counts<NodeGrainState>("nodes"), Counts<RouteTableGrainState>("routetables")],
            PendingPlans = [.. pending.Take(PendingPlanLimit)],
            PendingPlanCount = pending.Count,
            Cloud = CloudCalls(),
        };
    }

    public GrainList<ServiceRow> Services(GrainFilter filter) => List<ServiceGrainState, ServiceRow>(GrainRows.Service, filter.Matches);

    public GrainList<NodeRow> Nodes(GrainFilter filter) => List<NodeGrainState, NodeRow>(GrainRows.Node, filter.Matches);

    public GrainList<RouteTableRow> RouteTables(GrainFilter filter) => List<RouteTableGrainState, RouteTableRow>(GrainRows.RouteTable, filter.Matches);

    public GrainDetail<ServiceGrainState>? Service(string key) => Detail<ServiceGrainState, IServiceGrain>(key);

    public GrainDetail<NodeGrainState>? Node(string key) => Detail<NodeGrainState, INodeGrain>(key);

    public GrainDetail<RouteTableGrainState>? RouteTable(string key) => Detail<RouteTableGrainState, IRouteTableGrain>(key);

    public LocalShards Shards()
    {
        var stats = sources.Silo?.GetStatistics();
        var silo = SiloName;
        return stats is null
            ? new LocalShards(silo, Now, [], [])
            : new LocalShards(silo, stats.Now, [.. stats.Shards.Select(s => ShardRow.From(s, silo))], [.. stats.ShardHistory.Select(c => new ShardClaimRow(c.Shard, silo, c.From, c.To))]);
    }

    /// <summary>Every product+action this silo called, with its calls/s since the previous read.</summary>
    public IReadOnlyList<CloudCallRow> CloudCalls()
    {
        var stats = sources.Cloud?.Snapshot() ?? [];
        var perSecond = rates.Observe(stats);
        return [.. stats.Select(s => new CloudCallRow
        {
            Product = s.Product,
            Action = s.Action,
            Calls = s.Calls,
            Errors = s.Errors,
            Throttles = s.Throttles,
            Retries = s.Retries,
            CallsPerSecond = perSecond.TryGetValue((s.Product, s.Action), out var rate) ? rate : null,
            P50Ms = s.P50.TotalMilliseconds,
            P90Ms = s.P90.TotalMilliseconds,
            P99Ms = s.P99.TotalMilliseconds,
            WindowSamples = s.WindowSamples,
            LastCall = s.LastCall,
            LastErrorCode = s.LastErrorCode,
            ErrorCodes = s.ErrorCodes,
        })];
    }

    private GrainList<TRow> List<TState, TRow>(Func<TState, string, TRow> map, Func<TRow, bool> keep)
        where TState : GrainState
    {
        var silo = SiloName;
        var rows = new List<TRow>();
        foreach (var state in sources.States<TState>())
        {
            var row = map(state, silo);
            if (keep(row))
            {
                rows.Add(row);
            }
        }

        return new GrainList<TRow>(Now, rows, rows.Count, [new PeerStatus(silo, null, IsSelf: true)]);
    }

    private GrainDetail<TState>? Detail<TState, TGrain>(string key)
        where TState : GrainState
        where TGrain : IGrainWithStringKey
    {
        if (sources.State<TState>(key) is not { } state)
        {
            return null;
        }

        var stats = sources.Silo?.GetStatistics();
        var id = sources.Hosts<TGrain>() ? sources.Silo?.GrainFactory.GetGrainId<TGrain>(key) : null;
        return new GrainDetail<TState>
        {
            Silo = SiloName,
            Now = stats?.Now ?? Now,
            State = state,
            Activation = stats?.Activations.FirstOrDefault(a => a.GrainId == id) is { } activation ? ActivationView.From(activation) : null,
            Reminders = [.. (stats?.Reminders ?? []).Where(r => r.GrainId == id).Select(ReminderView.From)],
        };
    }

    private GrainCounts Counts<TState>(string kind) where TState : GrainState
    {
        var states = sources.States<TState>();
        var phases = states.GroupBy(s => s.Phase).ToDictionary(g => g.Key.ToString(), g => g.Count(), StringComparer.Ordinal);
        return new GrainCounts(kind, states.Count, phases);
    }

    private IEnumerable<PendingPlan> Pending<TState>(string kind, string silo) where TState : GrainState =>
        sources.States<TState>().Select(s => GrainRows.Pending(kind, s, silo)).OfType<PendingPlan>();

    private static RuntimeSummary Runtime(SiloStatistics stats) => new()
    {
        Identity = stats.Identity,
        StartedAt = stats.StartedAt,
        LeaderElect = stats.LeaderElect,
        LastLeaseSync = stats.LastLeaseSync,
        ShardsHeld = stats.ShardsHeld,
        ShardCount = stats.Shards.Count,
        Turns = stats.Turns,
        SignalsAccepted = stats.SignalsAccepted,
        SignalsDropped = stats.SignalsDropped,
        PendingSignals = stats.PendingSignals,
        Activations = stats.Activations.Count,
        Reminders = stats.Reminders.Count,
        GrainTypes = stats.GrainTypes,
    };
}
