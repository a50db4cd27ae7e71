using Ccm.CloudClients.Transport.Budget;
using Ccm.GrainInterfaces;
using Ccm.Grains.Placement;
using Ccm.Grains.Reconcile;
using Orleans.Runtime;

namespace Ccm.Grains.Tests.Reconcile.Support;

/// <summary>A reconciler whose turns the test scripts (<see cref="ReconcileProbe"/>), and which can keep a reminder.</summary>
[Alias("Ccm.Grains.Tests.IProbeGrain")]
public interface IProbeGrain : IReconcilerGrain
{
    /// <summary>Registers a reminder that signals a resync on every tick (as the route table grain's period does).</summary>
    [Alias("StartReminder")]
    Task StartReminder(string name, TimeSpan period);
}

/// <summary>
/// The reconcile layer with nothing of a controller: each turn records itself and runs the probe's script. Placed as the
/// CCM's grains are, on its key's owner.
/// </summary>
[GrainType("test-probe")]
[OwnerPlacement]
internal sealed class ProbeGrain(ReconcileServices reconcile, ReconcileProbe probe, ILocalSiloDetails silo)
    : ScriptedGrain(reconcile, probe, silo), IProbeGrain, IRemindable
{
    public const string KindName = "probe";

    protected override string Kind => KindName;

    public Task StartReminder(string name, TimeSpan period) => this.RegisterOrUpdateReminder(name, period, period);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        Probe.Tick(this.GetPrimaryKeyString(), Silo);
        return Signal(SignalKind.Resync);
    }

    protected override void Withdraw() => Probe.Withdrew(this.GetPrimaryKeyString(), Silo);
}

/// <summary>
/// Stands in for the Service grain where the watcher's signals are under test: it answers <see cref="IServiceGrain"/> (the
/// real one is removed from such a silo's grain classes) and records its turns like <see cref="ProbeGrain"/>. Where the real
/// one is present, Orleans resolves <see cref="IServiceGrain"/> to it by name, never to this.
/// </summary>
[GrainType("test-service-stand-in")]
[OwnerPlacement]
internal sealed class ServiceStandInGrain(ReconcileServices reconcile, ReconcileProbe probe, ILocalSiloDetails silo)
    : ScriptedGrain(reconcile, probe, silo), IServiceGrain
{
    public const string KindName = "service";

    protected override string Kind => KindName;
}

/// <summary>A <see cref="ProbeGrain"/> whose turns wait for admission to <see cref="ProbeAdmission"/>, as Service turns do.</summary>
[Alias("Ccm.Grains.Tests.IAdmittedProbeGrain")]
public interface IAdmittedProbeGrain : IReconcilerGrain;

[GrainType("test-admitted-probe")]
[OwnerPlacement]
internal sealed class AdmittedProbeGrain(ReconcileServices reconcile, ReconcileProbe probe, ProbeAdmission admission, ILocalSiloDetails silo)
    : ScriptedGrain(reconcile, probe, silo), IAdmittedProbeGrain
{
    public const string KindName = "admitted-probe";

    protected override string Kind => KindName;

    protected override CloudCallSlots? Admission => admission.Slots;
}

/// <summary>The admission of a silo's <see cref="AdmittedProbeGrain"/>s: one turn at a time.</summary>
public sealed class ProbeAdmission
{
    public CloudCallSlots Slots { get; } = new(1, TimeProvider.System);
}

/// <summary>A <see cref="ProbeGrain"/> with a periodic resync every <see cref="ReconcileProbe.ResyncPeriod"/>, as Service and Node grains have.</summary>
[Alias("Ccm.Grains.Tests.IResyncProbeGrain")]
public interface IResyncProbeGrain : IReconcilerGrain;

[GrainType("test-resync-probe")]
[OwnerPlacement]
internal sealed class ResyncProbeGrain(ReconcileServices reconcile, ReconcileProbe probe, ILocalSiloDetails silo)
    : ScriptedGrain(reconcile, probe, silo), IResyncProbeGrain
{
    public const string KindName = "resync-probe";

    protected override string Kind => KindName;

    protected override TimeSpan? ResyncPeriod => Probe.ResyncPeriod;
}

/// <summary>The reconcile layer with nothing of a controller: each turn records itself and runs the probe's script.</summary>
internal abstract class ScriptedGrain(ReconcileServices reconcile, ReconcileProbe probe, ILocalSiloDetails silo) : ReconcilerGrain(reconcile)
{
    private readonly ReconcileActivity activity = reconcile.Activity;

    protected ReconcileProbe Probe => probe;

    protected SiloAddress Silo => silo.SiloAddress;

    protected override Task<ReconcileResult> ReconcileAsync(ReconcileTurn reconcile, CancellationToken cancellationToken) =>
        probe.RunAsync(this.GetPrimaryKeyString(), silo.SiloAddress, reconcile, activity.Find(Kind, this.GetPrimaryKeyString()), cancellationToken);
}
