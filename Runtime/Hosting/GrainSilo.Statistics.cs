namespace Ccm.Runtime;

/// <summary>The silo's statistics snapshot.</summary>
public sealed partial class GrainSilo
{
    /// <summary>An immutable snapshot of the whole silo (cost grows with the number of activations).</summary>
    public SiloStatistics GetStatistics()
    {
        var activations = runtime.Catalog.Activations.Select(a => (a.Type.Name, Stats: a.Snapshot())).ToList();
        var counters = runtime.Counters;
        return new SiloStatistics
        {
            SiloName = SiloName,
            Identity = Identity,
            StartedAt = StartedAt,
            Now = runtime.Time.GetUtcNow(),
            LeaderElect = runtime.Options.Leases.LeaderElect,
            LastLeaseSync = ownership.LastSync,
            Shards = ownership.Shards(),
            Members = ownership.Members(),
            ShardHistory = ownership.History(),
            GrainTypes = [.. activations.GroupBy(a => a.Name).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new GrainTypeStatistics(
                g.Key,
                g.Count(),
                g.Count(a => a.Stats.State == ActivationState.Idle),
                g.Count(a => a.Stats.State == ActivationState.Running),
                g.Count(a => a.Stats.State == ActivationState.Queued),
                g.Count(a => a.Stats.State == ActivationState.BackingOff),
                g.Count(a => a.Stats.State == ActivationState.Scheduled)))],
            Turns = new TurnTotals(counters.TurnTotal, counters.FailureTotal, counters.Window.PerSecond(), counters.Window.Latency()),
            SignalsAccepted = counters.SignalsAccepted,
            SignalsDropped = counters.SignalsDropped,
            PendingSignals = activations.Count(a => a.Stats.SignalPending),
            Reminders = runtime.Reminders.Snapshot(),
            Activations = [.. activations.Select(a => a.Stats).OrderBy(a => a.GrainId.ToString(), StringComparer.Ordinal)],
        };
    }
}
