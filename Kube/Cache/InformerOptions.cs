using System.Diagnostics.Metrics;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Ccm.Kube.Cache;

/// <summary>What an <see cref="Informer{T}"/> watches, what it keeps, and how it behaves on failures.</summary>
public sealed record InformerOptions<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    /// <summary>Named secondary indexes of the store, e.g. <see cref="KubeIndexes.EndpointSlicesByService"/>.</summary>
    public IReadOnlyDictionary<string, Func<T, IEnumerable<string>>> Indexes { get; init; } =
        new Dictionary<string, Func<T, IEnumerable<string>>>();

    /// <summary>
    /// Applied to every object before it is stored (client-go's <c>TransformFunc</c>): drop what no reader needs, to
    /// keep the cache small. <see cref="CacheTrim.Default"/> removes managedFields and kubectl's last-applied copy.
    /// </summary>
    public Func<T, T> Transform { get; init; } = CacheTrim.Default;

    /// <summary>
    /// Fingerprint each stored object and fail loudly when one changes while cached (client-go's
    /// <c>KUBE_CACHE_MUTATION_DETECTOR</c>): KubernetesClient's models are mutable and shared by every reader.
    /// </summary>
    public bool DetectMutation { get; init; } = CacheMutationDetector.EnabledByEnvironment;

    /// <summary>Page size of the (re)list (kubectl uses 500 too).</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>
    /// Each watch asks the server to end it after a random time in [<see cref="MinWatchTimeout"/>,
    /// <see cref="MaxWatchTimeout"/>] (client-go: 5-10 min), so a fleet of clients does not reconnect in step and
    /// every connection is renewed (new credentials, rebalanced servers).
    /// </summary>
    public TimeSpan MinWatchTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan MaxWatchTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>First delay after a failure; doubles up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(800);

    /// <summary>
    /// 4 s, where client-go caps at 30 s: after an API server outage, the changes made during it reach the grains within
    /// seconds of its return, at the price of one list attempt per informer every few seconds while it is down.
    /// </summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(4);

    public ILoggerFactory? LoggerFactory { get; init; }

    public IMeterFactory? MeterFactory { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
