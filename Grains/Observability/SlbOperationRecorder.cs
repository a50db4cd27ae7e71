using System.Collections.Concurrent;
using Ccm.GrainInterfaces;
using Ccm.Grains.Cluster;
using Ccm.Grains.Services;

namespace Ccm.Grains.Observability;

/// <summary>
/// Records <c>ccm_slb_operation_result</c> and <c>ccm_slb_latencies_duration_milliseconds</c> around a Service grain's
/// turn, as upstream records them around its reconcile: only for Services this controller manages, never in dry-run;
/// a turn that throws is a <c>Fail</c> (except a cancellation: the grain is stopping), one that returns a <c>Success</c>.
/// Latency is observed on success only: for a creation or deletion once, from the Service's creation or deletion
/// timestamp (how long the user waited), for an update on every successful turn, from the turn's start.
/// </summary>
/// <remarks>
/// Results are counted once per Service and <see cref="SlbOperation.Episode"/>, which is what upstream's
/// <c>UniqueServiceCnt</c> was written to do (as released it returns 0 for every Service it has not seen, and stores
/// none, so upstream's failure and update counts never move). Memory: one entry per Service and status on this silo,
/// dropped when the Service's deletion or cleanup succeeds.
/// </remarks>
public sealed class SlbOperationRecorder(UpstreamMetrics metrics, IClusterCache cache, CcmOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<(string Uid, bool Succeeded), string> counted = new();

    /// <summary>Runs <paramref name="turn"/> (the grain's whole turn for <paramref name="key"/>) and records its outcome.</summary>
    public async Task<T> RecordAsync<T>(string key, Func<Task<T>> turn)
    {
        if (Observe(key) is not { } operation)
        {
            return await turn();
        }

        var started = time.GetTimestamp();
        T result;
        try
        {
            result = await turn();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Count(operation, succeeded: false);
            throw;
        }

        if (Count(operation, succeeded: true) || operation.Verb == SlbVerb.Update)
        {
            var waited = operation.Since is { } since ? time.GetUtcNow() - since : time.GetElapsedTime(started);
            metrics.SlbLatency(operation.Verb, waited > TimeSpan.Zero ? waited : TimeSpan.Zero);
        }

        if (operation.Final)
        {
            counted.TryRemove((operation.Uid, true), out _);
            counted.TryRemove((operation.Uid, false), out _);
        }

        return result;
    }

    private SlbOperation? Observe(string key)
    {
        if (options.DryRun || !cache.HasSynced)
        {
            return null;
        }

        var (ns, name) = GrainKeys.ParseService(key);
        return cache.GetService(ns, name) is { } service && ServicePredicates.IsManaged(service)
            ? SlbOperation.Of(service, ServicePredicates.NeedsCleanup(service))
            : null;
    }

    /// <returns>Whether this was the episode's first outcome of its kind (and so was counted).</returns>
    private bool Count(SlbOperation operation, bool succeeded)
    {
        var slot = (operation.Uid, succeeded);
        if (counted.TryGetValue(slot, out var last) && last == operation.Episode)
        {
            return false;
        }

        counted[slot] = operation.Episode;
        metrics.SlbResult(operation.Verb, succeeded);
        return true;
    }
}
