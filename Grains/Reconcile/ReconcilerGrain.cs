using Ccm.CloudClients.Transport.Budget;
using Ccm.GrainInterfaces;
using Ccm.Grains.Placement;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Ccm.Grains.Reconcile;

/// <summary>
/// The CCM's reconcile layer on Orleans' <see cref="Grain"/>: one reconcile at a time, signals that coalesce, backoff
/// with jitter after a failure, no retry after a terminal one, and an optional periodic resync. Orleans owns activation,
/// placement, threading and timers; this class only decides when the next turn runs.
/// </summary>
/// <remarks>
/// <para>The turn runs in one non-interleaving grain timer used as a pump: <see cref="Signal"/> (which interleaves,
/// so it returns at once even during a turn) marks the grain dirty and starts the pump; a turn clears the mark before
/// it reads anything, and when it ends it restarts the pump at once if the mark is set again, else after the retry or
/// requeue delay, else at the next periodic resync, else never. So any number of signals during a turn add exactly one
/// more turn, which reads the newest state (controller-runtime's workqueue "dirty" set). The periodic resync is a due
/// time the pump also wakes for, not a timer of its own: a grain holds one timer (thousands of grains, two timers each,
/// were 7 MB of a large silo's heap).</para>
/// <para>A turn's cloud calls queue for the cloud budget as its trigger says (<see cref="CloudCallScope"/>: a change's
/// before any resync's, and fairly between grains by key). Its token fires when the silo begins to stop
/// (<see cref="ReconcileServices.SiloStopping"/>: Orleans waits for a running turn before it deactivates the grain), when
/// Orleans disposes the grain's timers, and when the turn has worked longer than <see cref="ReconcileOptions.TurnTimeout"/>;
/// time spent waiting for a cloud rate-limit permit is not work and does not count (<see cref="TurnDeadline"/>).</para>
/// <para>A grain type may cap how many of its turns run at once on a silo (<see cref="Admission"/>). A turn waits for
/// admission before it starts, with the grain idle: the wait holds a queue entry, not a turn's async chain and desired
/// state, which is what lets thousands of Service turns queue behind a 10 calls/s budget in little memory. The queue
/// is ordered like the budget's (a change before a resync, escalated by a change that arrives while it waits), and
/// signals that arrive meanwhile coalesce into the turn it starts.</para>
/// <para>Orleans places a grain once, on its key's owner then (<see cref="OwnerPlacementDirector"/>), and the pump's
/// keep-alive timer keeps it there; so a silo that joins later (one restarted in a rolling update) would never get
/// grains back. After a turn with nothing pending, a grain whose key another silo now owns asks Orleans to migrate it
/// there, and the new activation starts with a resync turn (its memory of the cloud does not travel), which also
/// publishes its state on the silo that now reports it.</para>
/// </remarks>
public abstract partial class ReconcilerGrain(ReconcileServices services) : Grain, IReconcilerGrain, IGrainMigrationParticipant
{
    private const string MovedKey = "ccm.reconcile.moved";

    private static readonly TimeSpan ResyncEarly = TimeSpan.FromMilliseconds(250);

    private readonly ILogger logger = services.Logger;
    private IGrainTimer? pump;
    private CloudCallScope? turnScope;
    private Task<CloudCallSlot>? admitting;
    private CloudCallScope? admissionScope;
    private CancellationTokenSource? admissionCancel;
    private CloudCallSlot? admitted;
    private volatile bool closed;
    private SignalKind? pending;
    private SignalKind lastKind = SignalKind.Event;
    private bool running;
    private int failures;
    private bool moved;
    private bool retiring;

    /// <summary>When the next periodic resync is due (null without one); also in the state a grain publishes.</summary>
    protected DateTimeOffset? NextResyncAt { get; private set; }

    /// <summary>
    /// How long the first signal after a quiet spell waits before its turn starts, so that changes that travel together
    /// (a Service and the EndpointSlice the controller derives from it, a burst of Node events) are read in one turn
    /// instead of two. Later signals in the window join it without moving it. Zero (the default) starts at once.
    /// </summary>
    protected virtual TimeSpan SignalDelay => TimeSpan.Zero;

    /// <summary>How often to resync without a signal; null for never (the default). Read once, at activation.</summary>
    protected virtual TimeSpan? ResyncPeriod => null;

    /// <summary>
    /// Takes what this activation published off this silo's board. Called as it deactivates for any reason but its own
    /// retirement (which leaves what its last turn published): moving to its key's owner, whose activation publishes
    /// afresh, or Orleans ending it. So a silo's board holds exactly what the grains it runs published, and the
    /// dashboard shows each grain once, from wherever it runs.
    /// </summary>
    protected virtual void Withdraw()
    {
    }

    /// <summary>
    /// Where this grain's turns wait to start, shared by the grains of its type on this silo; null (the default) starts
    /// them at once. A slot is held from the turn's start to its end.
    /// </summary>
    protected virtual CloudCallSlots? Admission => null;

    /// <summary>The grain type's name in logs, metrics and the dashboard (<c>service</c>, <c>node</c>...).</summary>
    protected abstract string Kind { get; }

    /// <summary>The key whose owner hosts this grain: its own key, unless its placement groups it with others.</summary>
    protected virtual string PlacementKey => this.GetPrimaryKeyString();

    private ActivationInfo Info => field ??= services.Activity.Register(Kind, this.GetPrimaryKeyString());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        pump = this.RegisterGrainTimer(PumpAsync, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        if (ResyncPeriod is { } period)
        {
            // The first resync at a random point of the second half of one period: grains activated together (a
            // restart) resync spread out rather than all at once, and never right after the turn that activated them.
            var first = period * (0.5 + (0.5 * Random.Shared.NextDouble()));
            NextResyncAt = services.Time.GetUtcNow() + first;
            pump.Change(first, Timeout.InfiniteTimeSpan);
        }

        _ = Info;
        if (moved)
        {
            Signal(SignalKind.Resync);
        }

        return base.OnActivateAsync(cancellationToken);
    }

    void IGrainMigrationParticipant.OnDehydrate(IDehydrationContext dehydrationContext) => dehydrationContext.TryAddValue(MovedKey, true);

    void IGrainMigrationParticipant.OnRehydrate(IRehydrationContext rehydrationContext) => moved = rehydrationContext.TryGetValue(MovedKey, out bool value) && value;

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // A turn never runs now: leave the admission queue, or hand on a slot granted but not yet used by a turn (its
        // grant may still be on its way to this activation, which may never run it, or the pump may not tick again).
        closed = true;
        admissionCancel?.Cancel();
        if (admitting is { IsCompletedSuccessfully: true } granted)
        {
            granted.Result.Dispose();
        }

        admitted?.Dispose();
        admitted = null;

        services.Activity.Unregister(Info);
        if (!retiring)
        {
            Withdraw();
        }

        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    public Task Signal(SignalKind kind)
    {
        var first = pending is null;
        pending = pending is { } had && had > kind ? had : kind;
        Info.SignalPending = true;
        services.Activity.Signalled(Kind);
        if (!running && first && admitting is null && admitted is null)
        {
            pump!.Change(SignalDelay, Timeout.InfiniteTimeSpan);
        }
        else if (kind == SignalKind.Event)
        {
            // A change arrived while a resync's turn waits for cloud permits (a restart's re-checks), or for admission:
            // it goes ahead of every other resync, so the turn for the change starts in seconds rather than after all.
            (running ? turnScope : admissionScope)?.Escalate();
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Converges one object; never runs concurrently with another turn of this grain. Returns what to do next; throws
    /// to fail (retried with backoff), or throws a <see cref="TerminalException"/> to fail until the next signal.
    /// </summary>
    protected abstract Task<ReconcileResult> ReconcileAsync(ReconcileTurn reconcile, CancellationToken cancellationToken);

    /// <summary>Asks Orleans to deactivate this grain once the turn ends (its object is gone); a later signal activates it afresh.</summary>
    protected void Retire()
    {
        retiring = true;
        DeactivateOnIdle();
    }

    /// <summary>
    /// Marks a resync pending when its time has come, and moves the due time past now by whole periods (resyncs missed
    /// during a long turn or wait coalesce into this one, as a periodic timer's ticks would).
    /// </summary>
    private void ResyncIfDue()
    {
        // A timer may wake a little before its due time as this clock reads it; that wake is the resync's.
        var now = services.Time.GetUtcNow() + ResyncEarly;
        if (NextResyncAt is not { } due || due > now || ResyncPeriod is not { } period)
        {
            return;
        }

        pending = pending is { } had && had > SignalKind.Resync ? had : SignalKind.Resync;
        Info.SignalPending = true;
        services.Activity.Signalled(Kind);
        NextResyncAt = due + (period * (Math.Floor((now - due) / period) + 1));
    }

    /// <summary>Starts the pump after <paramref name="wake"/>, or at the next resync if that comes first (or alone).</summary>
    private void Arm(TimeSpan? wake)
    {
        if (NextResyncAt is { } due)
        {
            var untilResync = due - services.Time.GetUtcNow();
            wake = untilResync < TimeSpan.Zero ? TimeSpan.Zero : wake is { } w && w <= untilResync ? w : untilResync;
        }

        pump!.Change(wake ?? Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    private async Task PumpAsync(CancellationToken timerDisposed)
    {
        ResyncIfDue();
        if (!Admit())
        {
            return; // the grant wakes the pump (OnAdmitted)
        }

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(timerDisposed, services.SiloStopping);
        running = true;
        var kind = pending ?? lastKind; // a timed wake (retry, requeue) keeps the priority of the turn that asked for it
        pending = null;
        lastKind = kind;
        Info.Begin(services.Time.GetUtcNow());
        var started = services.Time.GetTimestamp();
        ReconcileResult? result = null;
        Exception? error = null;
        using (var scope = CloudCallScope.Begin(PriorityOf(kind), ScopeKey))
        using (var deadline = new TurnDeadline(services.Options.TurnTimeout, services.Time, scope, stopping.Token))
        {
            turnScope = scope;
            try
            {
                result = await ReconcileAsync(new ReconcileTurn(kind, deadline), deadline.Token);
            }
            catch (Exception e)
            {
                error = e;
            }
            finally
            {
                turnScope = null;
                admitted?.Dispose();
                admitted = null;
            }
        }

        var decision = ReconcilePolicy.Decide(result, error, stopping.IsCancellationRequested, failures, services.Backoff, Random.Shared.NextDouble());
        failures = decision.Failures;
        var wake = pending is not null ? TimeSpan.Zero : decision.WakeAfter;
        var now = services.Time.GetUtcNow();
        Info.End(now, decision.Result, error, failures, wake is { } w ? now + w : null, pending is not null);
        services.Activity.Turn(Kind, kind, decision.Result, services.Time.GetElapsedTime(started));
        Report(decision, error, wake);
        running = false;
        if (pending is null && MovesTo() is { } owner)
        {
            // Orleans places the new activation with the same director, on the owner; signals that arrive meanwhile follow it.
            LogMoving(Kind, this.GetPrimaryKeyString(), owner);
            MigrateOnIdle();
            return;
        }

        Arm(wake);
    }

    /// <summary>
    /// Whether a turn may start now: there is no <see cref="Admission"/>, or this grain holds one of its slots. Otherwise
    /// the grain joins its queue (once, at the priority its turn would have) and stays active while it waits, idle.
    /// </summary>
    private bool Admit()
    {
        if (Admission is not { } admission || admitted is not null)
        {
            return true;
        }

        if (admitting is not null)
        {
            return false;
        }

        var cancel = CancellationTokenSource.CreateLinkedTokenSource(services.SiloStopping);
        using (var scope = CloudCallScope.Begin(PriorityOf(pending ?? lastKind), ScopeKey))
        {
            var entering = admission.EnterAsync(cancel.Token);
            if (entering.IsCompletedSuccessfully)
            {
                cancel.Dispose();
                admitted = entering.Result;
                return true;
            }

            (admitting, admissionScope, admissionCancel) = (entering.AsTask(), scope, cancel);
        }

        // Idle while queued: Orleans must not collect the grain and its pending signal (its timers may tick too seldom).
        DelayDeactivation(Timeout.InfiniteTimeSpan);
        admitting.ContinueWith(static (task, state) => ((ReconcilerGrain)state!).Granted(task), this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return false;
    }

    /// <summary>The admission wait ended (on whatever thread granted it): the turn starts on the grain.</summary>
    private void Granted(Task<CloudCallSlot> wait)
    {
        if (closed)
        {
            if (wait.IsCompletedSuccessfully)
            {
                wait.Result.Dispose();
            }

            return;
        }

        GrainContext.Scheduler.QueueAction(OnAdmitted);
    }

    private void OnAdmitted()
    {
        var wait = admitting!;
        admissionCancel!.Dispose();
        (admitting, admissionScope, admissionCancel) = (null, null, null);
        DelayDeactivation(TimeSpan.Zero);
        if (!wait.IsCompletedSuccessfully)
        {
            return; // cancelled: the silo is stopping
        }

        if (closed)
        {
            wait.Result.Dispose();
            return;
        }

        admitted = wait.Result;
        pump!.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private static CloudCallPriority PriorityOf(SignalKind kind) => kind == SignalKind.Event ? CloudCallPriority.Event : CloudCallPriority.Resync;

    private string ScopeKey => $"{Kind}/{this.GetPrimaryKeyString()}";

    /// <summary>
    /// The silo this grain should move to: another one owns its key in this silo's view of the membership, and Orleans'
    /// placement, choosing among the silos it knows, picks the same one. While the two views differ (a silo joining or
    /// leaving) the grain stays: a move placed back on this silo would only deactivate it.
    /// </summary>
    private SiloAddress? MovesTo()
    {
        // A grain that retires (its object is gone) goes away here rather than starting again on the owner.
        var ownership = services.Ownership;
        if (retiring || ownership.Owns(PlacementKey) || SiloOwnership.OwnerOf(PlacementKey, ownership.Active) is not { } owner)
        {
            return null;
        }

        return owner.Equals(SiloOwnership.OwnerOf(PlacementKey, services.PlaceableSilos)) ? owner : null;
    }

    private void Report(ReconcileDecision decision, Exception? error, TimeSpan? wake)
    {
        var key = this.GetPrimaryKeyString();
        switch (decision.Result)
        {
            case TurnResult.Failed:
                LogFailed(error, Kind, key, decision.Failures, wake);
                break;
            case TurnResult.Terminal:
                LogTerminal(error, Kind, key, decision.Failures);
                break;
            case TurnResult.Cancelled:
                LogCancelled(Kind, key);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reconcile of {GrainType} {Key} failed ({Failures} in a row); retrying in {Delay}")]
    private partial void LogFailed(Exception? exception, string grainType, string key, int failures, TimeSpan? delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reconcile of {GrainType} {Key} failed terminally ({Failures} in a row); no retry until the next signal")]
    private partial void LogTerminal(Exception? exception, string grainType, string key, int failures);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{GrainType} {Key} moves to {Silo}, which owns its key now")]
    private partial void LogMoving(string grainType, string key, SiloAddress silo);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reconcile of {GrainType} {Key} cancelled: the grain is deactivating")]
    private partial void LogCancelled(string grainType, string key);
}
