using Ccm.GrainInterfaces;
using Ccm.GrainInterfaces.State;
using Ccm.Grains.Reconcile;
using Orleans.Runtime;
using Ccm.Silo.Dashboard.Model;

namespace Ccm.Silo.Dashboard.Local;

/// <summary>
/// This silo's part of every page, built on request from its own sources: the answers of <c>/api/local/...</c>,
/// which peers read to assemble the cluster view.
/// </summary>
internal sealed class LocalViews(DashboardSources sources, ClusterMembers members, CloudRates rates)
{
    /// <summary>How many pending plans the overview lists (the count says how many there are).</summary>
    public const int PendingPlanLimit = 20;

    public string SiloName => sources.SiloName;

    public DateTimeOffset Now => sources.Time.GetUtcNow();

    /// <summary>This silo's active peers in Orleans' membership, with their dashboards (none when it runs alone).</summary>
    public IReadOnlyList<SiloMember> Peers() => members.Peers();

    public async Task<LocalSummary> SummaryAsync(CancellationToken cancellationToken)
    {
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
                Address = DashboardAddress.Of(sources.Options),
                Now = Now,
                DryRun = sources.DryRun,
                Runtime = Runtime(),
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

    public GrainDetail<ServiceGrainState>? Service(string key) => Detail<ServiceGrainState>("service", key);

    public GrainDetail<NodeGrainState>? Node(string key) => Detail<NodeGrainState>("node", key);

    public GrainDetail<RouteTableGrainState>? RouteTable(string key) => Detail<RouteTableGrainState>("routetable", key);

    /// <summary>The membership table as this silo reads it.</summary>
    public async Task<LocalMembership> MembershipAsync(CancellationToken cancellationToken)
    {
        var (rows, error) = await members.RowsAsync(cancellationToken);
        return new LocalMembership(SiloName, Now, rows, error);
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

    private GrainDetail<TState>? Detail<TState>(string kind, string key)
        where TState : GrainState =>
        sources.State<TState>(key) is { } state
            ? new GrainDetail<TState>
            {
                Silo = SiloName,
                Now = Now,
                State = state,
                Activation = sources.Activity?.Find(kind, key) is { } activation ? ActivationView.From(activation) : null,
            }
            : null;

    private GrainCounts Counts<TState>(string kind) where TState : GrainState
    {
        var states = sources.States<TState>();
        var phases = states.GroupBy(s => s.Phase).ToDictionary(g => g.Key.ToString(), g => g.Count(), StringComparer.Ordinal);
        return new GrainCounts(kind, states.Count, phases);
    }

    private IEnumerable<PendingPlan> Pending<TState>(string kind, string silo) where TState : GrainState =>
        sources.States<TState>().Select(s => GrainRows.Pending(kind, s, silo)).OfType<PendingPlan>();

    private RuntimeSummary? Runtime()
    {
        if (sources.Activity is not { } activity || sources.Self is not { } self)
        {
            return null;
        }

        var snapshot = sources.Membership?.CurrentSnapshot;
        var activations = activity.Activations;
        return new RuntimeSummary
        {
            Identity = self.ToParsableString(),
            Status = (snapshot?.GetSiloStatus(self) ?? SiloStatus.None).ToString(),
            StartedAt = activity.StartedAt,
            LeaderElect = sources.Options.LeaderElection.Enabled,
            ActiveSilos = snapshot?.Members.Values.Count(m => m.Status == SiloStatus.Active) ?? 1,
            Turns = new TurnTotals(activity.TurnTotal, activity.FailureTotal, activity.Window.PerSecond(), activity.Window.Latency()),
            SignalsAccepted = activity.SignalTotal,
            PendingSignals = activations.Count(a => a.SignalPending),
            Activations = activations.Count,
            GrainTypes = [.. activations.GroupBy(a => a.Kind, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new GrainTypeActivity(
                g.Key, g.Count(), g.Count(a => a.State == "Idle"), g.Count(a => a.State == "Running"), g.Count(a => a.State == "Queued"),
                g.Count(a => a.State == "BackingOff"), g.Count(a => a.State == "Scheduled")))],
        };
    }
}
