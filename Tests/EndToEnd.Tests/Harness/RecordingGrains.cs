using System.Collections.Concurrent;
using Ccm.GrainInterfaces;
using Ccm.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Ccm.EndToEnd.Tests;

/// <summary>Every reconcile turn of the recording grains of one silo: which grain type and key, in order.</summary>
public sealed class TurnLog
{
    private readonly ConcurrentQueue<string> turns = new();

    public IReadOnlyList<string> Turns => [.. turns];

    public int Count(string grain) => turns.Count(t => t == grain);

    internal void Add(string type, string key) => turns.Enqueue($"{type}/{key}");

    /// <summary>
    /// Registers grains for Services, Nodes and route tables that only record their turns (to observe the watcher's
    /// fan-out), in place of the real ones the composition registered (an interface has one implementation).
    /// </summary>
    public static TurnLog Register(WebApplicationBuilder builder)
    {
        var log = new TurnLog();
        Type[] replaced = [typeof(IServiceGrain), typeof(INodeGrain), typeof(IRouteTableGrain)];
        foreach (var real in builder.Services.Where(d => d.ImplementationInstance is GrainRegistration r && replaced.Contains(r.Interface)).ToList())
        {
            builder.Services.Remove(real);
        }

        builder.Services.AddSingleton(log);
        builder.Services.AddGrain<IServiceGrain, RecordingServiceGrain>();
        builder.Services.AddGrain<INodeGrain, RecordingNodeGrain>();
        builder.Services.AddGrain<IRouteTableGrain, RecordingRouteTableGrain>();
        return log;
    }
}

internal sealed class RecordingServiceGrain(TurnLog log) : ReconcilerGrain, IServiceGrain
{
    protected override Task<ReconcileResult> ReconcileAsync(CancellationToken cancellationToken)
    {
        log.Add("Service", GetPrimaryKeyString());
        return Task.FromResult(ReconcileResult.Done);
    }
}

internal sealed class RecordingNodeGrain(TurnLog log) : ReconcilerGrain, INodeGrain
{
    protected override Task<ReconcileResult> ReconcileAsync(CancellationToken cancellationToken)
    {
        log.Add("Node", GetPrimaryKeyString());
        return Task.FromResult(ReconcileResult.Done);
    }
}

internal sealed class RecordingRouteTableGrain(TurnLog log) : ReconcilerGrain, IRouteTableGrain
{
    protected override Task<ReconcileResult> ReconcileAsync(CancellationToken cancellationToken)
    {
        log.Add("RouteTable", GetPrimaryKeyString());
        return Task.FromResult(ReconcileResult.Done);
    }
}
