using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;

namespace Ccm.EndToEnd.Tests;

/// <summary>Every reconcile turn of the recording grains of one silo: which grain type and key, in order.</summary>
public sealed class TurnLog
{
    private readonly ConcurrentQueue<string> turns = new();

    public IReadOnlyList<string> Turns => [.. turns];

    public int Count(string grain) => turns.Count(t => t == grain);

    internal void Add(string type, string key) => turns.Enqueue($"{type}/{key}");

    /// <summary>
    /// Was: replaces the real Service, Node and route table grains with ones that only record their turns. The
    /// home-made runtime's <c>AddGrain</c> is gone with it; on Orleans this needs grain classes generated in this
    /// assembly, which the Orleans end-to-end work brings. Until then it says so instead of recording nothing.
    /// </summary>
    public static TurnLog Register(WebApplicationBuilder builder) =>
        throw new NotSupportedException("recording grains are not available on Orleans yet (the end-to-end harness is being moved)");
}
