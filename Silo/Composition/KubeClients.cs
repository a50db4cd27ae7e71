using System.Diagnostics.Metrics;
using Ccm.Kube.Client;
using Ccm.Kube.Http;
using Ccm.Silo.Options;
using k8s;

namespace Ccm.Silo.Composition;

/// <summary>
/// The silo's two Kubernetes clients (KubernetesClient with our handlers), both recording their calls in
/// <see cref="Calls"/> (compared with the Helm chart's RBAC rules by the chart tests). <see cref="Api"/> serves the
/// cache, the grains and the events within <c>--kube-api-qps/-burst</c>. <see cref="Leases"/>, with a limiter of its own,
/// serves Orleans' membership and reminder tables, which must never queue behind grain traffic.
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

        // Membership and reminders get their own budget: a silo that misses its IAmAlive or a membership write because
        // grain traffic filled --kube-api-qps could be declared dead while it is fine. Their traffic is small: an
        // IAmAlive write every 30 s, a table read every probe round, reminder rows when route tables register.
        Leases = KubeClientFactory.Create(config, common with { Qps = Math.Max(options.KubeApiQps, 20), Burst = Math.Max(options.KubeApiBurst, 40) });
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
