using System.Net;
using Ccm.Sandbox.Demo;
using Ccm.Silo.CloudConfiguration;
using Ccm.Silo.Hosting;
using Ccm.Silo.Options;
using Ccm.Silo.SandboxHosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ccm.Silo;

/// <summary>
/// <c>--sandbox</c>: both emulators in this process, the folder a second silo joins with, the demo app, and then the
/// real silo against the emulators over HTTP, configured through the same files and variables a user would use.
/// Ctrl-C stops the silo gracefully, then the emulators, and removes the folder when the sandbox made it.
/// </summary>
internal static class SandboxMode
{
    public static async Task<int> RunAsync(SiloOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var ownFolder = options.SandboxDir is null;
        var folder = options.SandboxDir ?? Directory.CreateTempSubdirectory("ccm-sandbox-").FullName;
        using var emulatorLogs = LoggerFactory.Create(logging =>
        {
            SiloLogging.Configure(logging, options);
            logging.SetMinimumLevel(options.Verbosity >= 4 ? LogLevel.Debug : LogLevel.Warning);
        });

        SandboxEnvironment sandbox;
        try
        {
            sandbox = await SandboxEnvironment.StartAsync(folder, deployDemoApp: !options.SandboxEmpty, emulatorLogs, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"error: --sandbox-dir: cannot write the sandbox files to {folder}: {e.Message}");
            return SiloApp.ExitFailure;
        }

        try
        {
            var silo = FreePorts.Assign(Joined(options, sandbox));
            var cloud = CloudConfigReader.Load(silo.CloudConfigPath!).Config;
            return await SiloApp.RunHostAsync(silo, cloud, stderr, configure: null, cancellationToken, started: app =>
                stdout.WriteAsync(SandboxBanner.Render(sandbox, app.Services.GetRequiredService<SiloListeners>(), ownFolder)));
        }
        finally
        {
            await sandbox.DisposeAsync();
            if (ownFolder)
            {
                TryDelete(folder);
            }
        }
    }

    /// <summary>The options of a silo that joined the sandbox the way a user would: its kubeconfig, cloud-config and env.</summary>
    private static SiloOptions Joined(SiloOptions options, SandboxEnvironment sandbox) => options with
    {
        Kubeconfig = sandbox.KubeconfigPath,
        CloudConfigPath = sandbox.CloudConfigPath,
        ClusterCidr = options.ClusterCidr ?? IPNetwork.Parse(DemoWorld.ClusterCidr),
        SiloPort = 0, // a free loopback port: a second silo of the sandbox takes another
        Endpoints = new CloudEndpoints
        {
            Slb = sandbox.Environment["SLB_ENDPOINT"],
            Vpc = sandbox.Environment["VPC_ENDPOINT"],
            Ecs = sandbox.Environment["ECS_ENDPOINT"],
            Metadata = sandbox.Environment["METADATA_ENDPOINT"],
            Scheme = sandbox.Environment["ALICLOUD_CLIENT_SCHEME"].ToLowerInvariant(),
        },
    };

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file still open elsewhere: the temporary folder is the system's to clean then.
        }
    }
}
