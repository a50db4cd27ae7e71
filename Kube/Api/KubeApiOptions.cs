using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace Ccm.Kube.Api;

/// <summary>How the HTTP client behaves, independent of which cluster it talks to (see <see cref="Config.KubeClientConfig"/>).</summary>
public sealed record KubeApiOptions
{
    /// <summary>
    /// Sustained requests per second (client-side token bucket); 0 or less disables the limit. 20 is the upstream
    /// CCM's <c>--kube-api-qps</c> default (client-go's own default is 5).
    /// </summary>
    public double Qps { get; init; } = 20;

    /// <summary>Requests allowed in a burst above <see cref="Qps"/>; upstream CCM's <c>--kube-api-burst</c> default is 30.</summary>
    public int Burst { get; init; } = 30;

    /// <summary>Field manager for patches that name none (server-side apply requires one).</summary>
    public string FieldManager { get; init; } = "ccm";

    public string UserAgent { get; init; } = "ccm";

    /// <summary>Bound for a non-watch request, from sending to the end of the body.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How often to repeat a request the server answered with 429 (or 5xx) and a <c>Retry-After</c> header, waiting
    /// as told each time (client-go retries 10 times).
    /// </summary>
    public int MaxRetryAfterAttempts { get; init; } = 10;

    /// <summary>Longest wait honoured from one <c>Retry-After</c>; a longer one is cut to this.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Told about every request (e.g. a <see cref="KubeCallRecorder"/> to compare with RBAC rules).</summary>
    public IKubeCallObserver? CallObserver { get; init; }

    /// <summary>Where the <c>Ccm.Kube</c> meter comes from; without one the client owns a private meter.</summary>
    public IMeterFactory? MeterFactory { get; init; }

    public ILoggerFactory? LoggerFactory { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
