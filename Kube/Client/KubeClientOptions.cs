using System.Diagnostics.Metrics;
using Ccm.Kube.Http;

namespace Ccm.Kube.Client;

/// <summary>How <see cref="KubeClientFactory"/> builds a client: the CCM's handlers around KubernetesClient's transport.</summary>
public sealed record KubeClientOptions
{
    /// <summary><c>--kube-api-qps</c> (upstream default 20); 0 disables the limit.</summary>
    public double Qps { get; init; } = 20;

    /// <summary><c>--kube-api-burst</c> (upstream default 30).</summary>
    public int Burst { get; init; } = 30;

    public string UserAgent { get; init; } = "ccm";

    /// <summary>Timeout of every request but watches (whose streams end by <c>timeoutSeconds</c>).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Told of every request sent (the chart tests compare them with RBAC).</summary>
    public IKubeCallObserver? CallObserver { get; init; }

    /// <summary>Handlers that see a request before everything else (e.g. the silo's dry-run guard).</summary>
    public IReadOnlyList<Func<DelegatingHandler>> OuterHandlers { get; init; } = [];

    public IMeterFactory? MeterFactory { get; init; }

    /// <summary>The clock of the QPS limiter and of Retry-After waits.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
