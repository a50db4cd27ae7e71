namespace Ccm.Runtime.Tests;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Increment();

    Task<string> Key();

    Task Fail(string message);

    /// <summary>Holds the turn until <paramref name="release"/> completes, recording entry and exit.</summary>
    Task Hold(TaskCompletionSource release);

    /// <summary>Calls <paramref name="other"/>'s <see cref="Increment"/> from inside this turn.</summary>
    Task<int> CallOther(string other);

    /// <summary>Calls itself from inside this turn.</summary>
    Task<int> CallSelf();

    Task<IReadOnlyList<string>> Reminders();

    Task Remind(string name, TimeSpan due, TimeSpan period);

    Task Forget(string name);

    Task StartTimer(TimeSpan due, TimeSpan period);

    Task Leave();
}

[GrainType("ping-pong")]
public interface IPingGrain : IGrainWithStringKey
{
    /// <summary>Calls the counter grain with the same key, which calls back here (a cycle).</summary>
    Task<int> Ping();

    Task<int> Pong();
}

public interface IScriptedReconciler : IReconcilerGrain
{
}

[SiloLocal]
public interface ILocalGrain : IGrainWithStringKey
{
    Task<string> Where();
}

[ShardAffinity("routes")]
public interface IAffineGrain : IGrainWithStringKey
{
}

/// <summary>A call-style grain with reminders and timers, recording into the probe.</summary>
public sealed class CounterGrain(Probe probe) : Grain, ICounterGrain, IRemindable
{
    private int count;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Events.Enqueue($"activate {GetPrimaryKeyString()}");
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Events.Enqueue($"deactivate {GetPrimaryKeyString()} {reason}");
        return Task.CompletedTask;
    }

    public async Task<int> Increment()
    {
        using var _ = probe.Enter(GrainId.ToString());
        var read = count;
        await Task.Yield(); // a read-await-write that two overlapping turns would break
        count = read + 1;
        return count;
    }

    public Task<string> Key() => Task.FromResult(GetPrimaryKeyString());

    public Task Fail(string message) => throw new InvalidOperationException(message);

    public async Task Hold(TaskCompletionSource release)
    {
        using var _ = probe.Enter(GrainId.ToString());
        probe.Events.Enqueue($"enter {GetPrimaryKeyString()}");
        await release.Task;
        probe.Events.Enqueue($"exit {GetPrimaryKeyString()}");
    }

    public Task<int> CallOther(string other) => GrainFactory.GetGrain<ICounterGrain>(other).Increment();

    public Task<int> CallSelf() => GrainFactory.GetGrain<ICounterGrain>(GetPrimaryKeyString()).Increment();

    public async Task<IReadOnlyList<string>> Reminders() => [.. (await GetReminders()).Select(r => r.ReminderName)];

    public Task Remind(string name, TimeSpan due, TimeSpan period) => RegisterOrUpdateReminder(name, due, period);

    public Task Forget(string name) => UnregisterReminder(name);

    public Task StartTimer(TimeSpan due, TimeSpan period)
    {
        RegisterGrainTimer(
            async ct =>
            {
                using var _ = probe.Enter(GrainId.ToString());
                probe.Events.Enqueue($"timer {GetPrimaryKeyString()}");
                await Task.Yield();
            },
            due,
            period);
        return Task.CompletedTask;
    }

    public Task Leave()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        probe.Events.Enqueue($"reminder {GetPrimaryKeyString()} {reminderName} {status.CurrentTickTime:O}");
        return Task.CompletedTask;
    }
}

public sealed class PingGrain : Grain, IPingGrain
{
    public Task<int> Ping() => GrainFactory.GetGrain<ICounterGrain>(GetPrimaryKeyString()).CallOther("pong-" + GetPrimaryKeyString());

    public Task<int> Pong() => Task.FromResult(1);
}

/// <summary>A reconciler whose every turn is scripted by the test through <see cref="Probe.Reconcile"/>.</summary>
public sealed class ScriptedReconciler(Probe probe) : ReconcilerGrain, IScriptedReconciler
{
    protected override async Task<ReconcileResult> ReconcileAsync(CancellationToken cancellationToken)
    {
        using var _ = probe.Enter(GrainId.ToString());
        var turn = probe.ReconcileTurns + 1;
        probe.Events.Enqueue($"reconcile {GetPrimaryKeyString()} {turn}");
        return await probe.Reconcile(turn, cancellationToken);
    }
}

public sealed class LocalGrain(GrainSilo silo) : Grain, ILocalGrain
{
    public Task<string> Where() => Task.FromResult(silo.SiloName);
}

public sealed class AffineGrain : Grain, IAffineGrain
{
}
