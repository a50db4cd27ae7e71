using System.Collections.Concurrent;
using Ccm.GrainInterfaces;
using Ccm.Grains.Watcher;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Ccm.EndToEnd.Tests;

/// <summary>
/// Every signal the watcher of one silo sent to a Service, Node or route table grain, in order (<c>Service/default/nginx</c>),
/// to observe its fan-out. <see cref="Register"/> gives the silo's <see cref="SignalDispatcher"/> a grain factory that
/// records those signals instead of delivering them, so the real grains never run: no cloud call and no status write
/// comes back as a change that would wake someone else.
/// </summary>
/// <remarks>
/// Orleans allows one grain class per interface in a silo, so the watcher cannot be pointed at recording grains as the
/// old runtime allowed; the factory is the seam instead. It records at the dispatcher, after the ownership filter, so
/// what it holds is exactly what this silo would have delivered.
/// </remarks>
public sealed class SignalLog
{
    private readonly ConcurrentQueue<string> signals = new();

    public IReadOnlyList<string> Signals => [.. signals];

    public int Count(string grain) => signals.Count(s => s == grain);

    internal void Add(string type, string key) => signals.Enqueue($"{type}/{key}");

    /// <summary>Replaces the silo's <see cref="SignalDispatcher"/> by one whose Service, Node and route table signals land here.</summary>
    public static SignalLog Register(WebApplicationBuilder builder)
    {
        var log = new SignalLog();
        builder.Services.AddSingleton(log);
        builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<SignalDispatcher>(
            sp, new SignalRecordingGrainFactory(sp.GetRequiredService<IGrainFactory>(), log)));
        return log;
    }
}
