using System.Diagnostics.Metrics;
using Ccm.Kube.Models;
using Microsoft.Extensions.Logging;

namespace Ccm.Kube.Cache;

/// <summary>What an <see cref="Informer{T}"/> watches and how it behaves on failures.</summary>
public sealed record InformerOptions<T>
    where T : class, IKubeObject<T>
{
    /// <summary>One namespace, or null for all namespaces (and for cluster-scoped kinds).</summary>
    public string? Namespace { get; init; }

    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    /// <summary>Named secondary indexes of the store, e.g. <see cref="KubeIndexes.EndpointSlicesByService"/>.</summary>
    public IReadOnlyDictionary<string, Func<T, IEnumerable<string>>> Indexes { get; init; } =
        new Dictionary<string, Func<T, IEnumerable<string>>>();

    /// <summary>Page size of the (re)list.</summary>
    public int PageSize { get; init; } = Api.KubeApiExtensions.DefaultPageSize;

    /// <summary>
    /// Each watch asks the server to end it after a random time in [<see cref="MinWatchTimeout"/>,
    /// <see cref="MaxWatchTimeout"/>] (client-go: 5-10 min), so a fleet of clients does not reconnect in step and
    /// every connection is renewed (new credentials, rebalanced servers).
    /// </summary>
    public TimeSpan MinWatchTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan MaxWatchTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>First delay after a failure; doubles up to <see cref="MaxBackoff"/> (client-go: 800 ms to 30 s).</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(800);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    public ILoggerFactory? LoggerFactory { get; init; }

    public IMeterFactory? MeterFactory { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
