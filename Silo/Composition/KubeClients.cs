using System.Diagnostics.Metrics;
using Ccm.Kube.Api;
using Ccm.Kube.Config;
using Ccm.Silo.Options;
using Microsoft.Extensions.Logging;

namespace Ccm.Silo.Composition;

/// <summary>
/// The silo's two Kubernetes clients, both recording their calls in <see cref="Calls"/> (compared with the Helm
/// chart's RBAC rules by the chart tests). <see cref="Api"/> serves the cache, the grains, the events and the
/// reminders within <c>--kube-api-qps/-burst</c>. <see cref="Leases"/> has a rate limiter of its own, sized for a
/// renewal of every shard each retry period: renewals must never queue behind grain traffic, or a busy silo would
/// miss its renew deadline and drop its shards.
/// </summary>
public sealed class KubeClients : IDisposable
{
    public KubeClients(KubeClientConfig config, SiloOptions options, ILoggerFactory loggers, IMeterFactory meters, TimeProvider time)
    {
        var common = new KubeApiOptions
        {
            Qps = options.KubeApiQps,
            Burst = options.KubeApiBurst,
            UserAgent = $"{SiloApp.ProgramName}/{SiloApp.Version}",
            FieldManager = "cloud-controller-manager",
            CallObserver = Calls,
            MeterFactory = meters,
            LoggerFactory = loggers,
            TimeProvider = time,
        };
        Api = new HttpKubeApi(config, common);

        // Per retry period: renew each shard and the membership Lease, list the ring, acquire or release a few.
        var perRound = options.Shards + 4;
        var roundsPerSecond = 1 / Math.Max(options.LeaderElection.RetryPeriod.TotalSeconds, 0.1);
        Leases = new HttpKubeApi(config, common with
        {
            Qps = Math.Max(options.KubeApiQps, 2 * perRound * roundsPerSecond),
            Burst = Math.Max(options.KubeApiBurst, 2 * perRound),
        });
    }

    public HttpKubeApi Api { get; }

    public HttpKubeApi Leases { get; }

    public KubeCallRecorder Calls { get; } = new();

    public void Dispose()
    {
        Api.Dispose();
        Leases.Dispose();
    }
}
