using Ccm.CloudClients;
using Ccm.Silo;
using Ccm.Silo.CloudConfiguration;
using Ccm.Silo.Composition;
using Ccm.Silo.Options;
using Ccm.Silo.SandboxHosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ccm.Bench.Silo;

/// <summary>
/// A silo in the bench process whose only job is to bring a large cluster to the converged state quickly before a
/// measurement: the real composition, alone (no membership objects), with no client-side cloud budget and a high
/// Kubernetes QPS. What is then measured is always a separate silo process with the product's defaults.
/// </summary>
internal static class ConvergingSilo
{
    public static async Task<WebApplication> StartAsync(BenchCluster cluster, CancellationToken cancellationToken)
    {
        var parsed = CommandLine.Parse(
            cluster.SiloArguments("converging", ["--leader-elect=false", "--kube-api-qps=1000", "--kube-api-burst=2000"]),
            variable => cluster.Environment.GetValueOrDefault(variable));
        if (parsed.Action != CommandLineAction.Run)
        {
            throw new InvalidOperationException(string.Join("\n", parsed.Errors));
        }

        var options = FreePorts.Assign(parsed.Options!);
        var app = SiloApp.BuildHost(options, CloudConfigReader.Load(options.CloudConfigPath!).Config, KubeConnection.Load(options), builder =>
        {
            builder.Logging.ClearProviders();
            builder.Services.Configure<CloudClientOptions>(o => o.RateLimits.Clear());
        });
        await app.StartAsync(cancellationToken);
        return app;
    }
}
