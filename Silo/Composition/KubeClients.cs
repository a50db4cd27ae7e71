using System.Diagnostics.Metrics;
using Ccm.Kube.Client;
using Ccm.Kube.Http;
using Ccm.Silo.Options;
using k8s;

namespace Ccm.Silo.Composition;

/// <summary>
/// The silo's two Kubernetes clients (KubernetesClient with our handlers), both recording their calls in
/// <see cref="Calls"/> (compared with the Helm chart's RBAC rules by the chart tests). <see cref="Api"/> serves the
/// cache, the grains, the events and the reminders within <c>--kube-api-qps/-burst</c>. <see cref="Leases"/> has a rate
/// limiter of its own, sized for a renewal of every shard each retry period: renewals must never queue behind grain
/// traffic, or a busy silo would miss its renew deadline and drop its shards.
/// </summary>
public sealed class KubeClients : IDisposable
{
    public KubeClients(KubernetesClientConfiguration config, SiloOptions options, IMeterFactory meters, TimeProvider time)
    {
        var common = new KubeClientOptions
        {
            Qps = options.KubeApiQps,
            Burst = options.KubeApiBurst,
            UserAgent = $"{SiloApp.ProgramName}/{SiloApp.Version}",
            CallObserver = Calls,
            MeterFactory = meters,
            TimeProvider = time,
            OuterHandlers = options.DryRun ? [() => new DryRunHandler(options.LeaderElection.ResourceNamespace)] : [],
        };
        Api = KubeClientFactory.Create(config, common);

        // Per retry period: renew each shard and the membership Lease, list the ring, acquire or release a few.
        var perRound = options.Shards + 4;
        var roundsPerSecond = 1 / Math.Max(options.LeaderElection.RetryPeriod.TotalSeconds, 0.1);
        Leases = KubeClientFactory.Create(config, common with
        {
            Qps = Math.Max(options.KubeApiQps, 2 * perRound * roundsPerSecond),
            Burst = Math.Max(options.KubeApiBurst, (int)(2 * perRound)),
        });
    }

    public IKubernetes Api { get; }

    public IKubernetes Leases { get; }

    public KubeCallRecorder Calls { get; } = new();

    public void Dispose()
    {
        Api.Dispose();
        Leases.Dispose();
    }
}
