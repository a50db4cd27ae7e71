using System.Collections.Concurrent;
using Orleans;
using Orleans.Runtime;

namespace Ccm.Clustering.Kubernetes.Tests.EndToEnd;

/// <summary>A grain that registers one reminder and reports its ticks.</summary>
[Alias("Ccm.Clustering.Kubernetes.Tests.IReminderProbeGrain")]
public interface IReminderProbeGrain : IGrainWithStringKey
{
    /// <summary>Registers the reminder <c>tick</c> (due in one second, every second).</summary>
    [Alias("Start")]
    Task Start();
}

/// <summary>The reminder ticks the probe grains received, shared by every silo of a test.</summary>
public sealed class ReminderTicks
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> first = new();

    public Task FirstTickOf(string grain) => first.GetOrAdd(grain, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Record(string grain) => first.GetOrAdd(grain, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}

[GrainType("reminder-probe")]
public sealed class ReminderProbeGrain(ReminderTicks ticks) : Grain, IReminderProbeGrain, IRemindable
{
    public Task Start() => this.RegisterOrUpdateReminder("tick", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        ticks.Record(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }
}
