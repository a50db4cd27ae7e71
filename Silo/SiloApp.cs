using System.Reflection;
using Ccm.Silo.CloudConfiguration;
using Ccm.Silo.Composition;
using Ccm.Silo.Flags;
using Ccm.Silo.Hosting;
using Ccm.Silo.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using k8s;
using k8s.Exceptions;

namespace Ccm.Silo;

/// <summary>
/// The program: parse and validate, load the cloud-config, then run the host until SIGTERM. Every failure before
/// the host runs is one clear message on standard error and an exit code (<see cref="ExitUsage"/> for anything the
/// user configures, <see cref="ExitFailure"/> for the rest).
/// </summary>
public static class SiloApp
{
    public const int ExitOk = 0;
    public const int ExitFailure = 1;
    public const int ExitUsage = 2;

    public const string ProgramName = "Ccm.Silo";

    public static string Version =>
        typeof(SiloApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <param name="args">The process arguments.</param>
    /// <param name="environment">Reads an environment variable (a seam for tests).</param>
    /// <param name="metadata">Fills cloud-config gaps; null means the ECS metadata service as the flags and environment configure it.</param>
    /// <param name="stdout">Help, version and the sandbox's banner.</param>
    /// <param name="stderr">Errors (and, through logging, the logs).</param>
    /// <param name="cancellationToken">Stops the silo gracefully.</param>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, Func<string, string?> environment, IInstanceMetadata? metadata, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var parsed = CommandLine.Parse(args, environment);
        switch (parsed.Action)
        {
            case CommandLineAction.Help:
                await stdout.WriteAsync(HelpWriter.Render(ProgramName));
                return ExitOk;
            case CommandLineAction.Version:
                await stdout.WriteLineAsync($"{ProgramName} {Version}");
                return ExitOk;
            case CommandLineAction.Error:
                foreach (var error in parsed.Errors)
                {
                    await stderr.WriteLineAsync("error: " + error);
                }

                await stderr.WriteLineAsync($"Run {ProgramName} --help to see every flag.");
                return ExitUsage;
        }

        var options = parsed.Options! with { StartedAt = ProcessStartedAt() };
        if (options.Sandbox)
        {
            return await SandboxMode.RunAsync(options, stdout, stderr, cancellationToken);
        }

        CloudConfig cloud;
        try
        {
            var loaded = CloudConfigReader.Load(options.CloudConfigPath!);
            using var metadataLogs = LoggerFactory.Create(logging => SiloLogging.Configure(logging, options));
            using var serviceMetadata = metadata is null ? new CloudInstanceMetadata(options, metadataLogs) : null;
            cloud = await CloudConfigCompletion.CompleteAsync(loaded.Config, metadata ?? serviceMetadata!, options.CloudConfigPath!, cancellationToken);
            options = options with { Warnings = options.Warnings.AddRange(loaded.Warnings) };
        }
        catch (CloudConfigException e)
        {
            await stderr.WriteLineAsync("error: " + e.Message);
            return ExitUsage;
        }

        return await RunHostAsync(options, cloud, stderr, configure: null, cancellationToken);
    }

    /// <summary>Runs the CCM until it is stopped (SIGTERM, Ctrl-C or <paramref name="cancellationToken"/>).</summary>
    /// <param name="options">Validated options.</param>
    /// <param name="cloud">The completed cloud-config.</param>
    /// <param name="stderr">Where a start-up failure is explained.</param>
    /// <param name="configure">Where extra services are registered, after the CCM's own (tests).</param>
    /// <param name="cancellationToken">Stops the host gracefully.</param>
    /// <param name="started">Runs once the listeners are bound (the sandbox prints its banner).</param>
    public static async Task<int> RunHostAsync(
        SiloOptions options, CloudConfig cloud, TextWriter stderr, Action<WebApplicationBuilder>? configure, CancellationToken cancellationToken,
        Func<WebApplication, Task>? started = null)
    {
        var unavailable = ListenerPreflight.Check(ListenerPlan.From(options));
        if (unavailable.Count > 0)
        {
            foreach (var problem in unavailable)
            {
                await stderr.WriteLineAsync("error: " + problem);
            }

            return ExitFailure;
        }

        KubernetesClientConfiguration kube;
        try
        {
            kube = KubeConnection.Load(options);
        }
        catch (KubeConfigException e)
        {
            await stderr.WriteLineAsync($"error: {e.Message} (see --kubeconfig)");
            return ExitUsage;
        }

        await using var app = BuildHost(options, cloud, kube, configure);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            await stderr.WriteLineAsync($"error: {e.Message} (see --health-probe-bind-addr, --metrics-bind-addr and --dashboard-bind-addr)");
            return ExitFailure;
        }
        catch (OptionsValidationException e)
        {
            await stderr.WriteLineAsync("error: " + string.Join("; ", e.Failures));
            return ExitUsage;
        }

        if (started is not null)
        {
            await started(app);
        }

        await app.WaitForShutdownAsync(cancellationToken);
        return ExitOk;
    }

    /// <summary>
    /// The CCM's host, built and not started: the bare silo host (<see cref="SiloHost"/>), the composition
    /// (<see cref="SiloComposition.AddCcm"/>), then <paramref name="configure"/> (tests add their grains or tune the
    /// runtime there). <see cref="RunHostAsync"/> runs it; the end-to-end tests start it in their own process.
    /// </summary>
    public static WebApplication BuildHost(SiloOptions options, CloudConfig cloud, KubernetesClientConfiguration kube, Action<WebApplicationBuilder>? configure)
    {
        var builder = SiloHost.CreateBuilder(options, cloud);
        builder.Services.AddCcm(options, cloud, kube);
        configure?.Invoke(builder);
        return SiloHost.Build(builder);
    }

    // The kernel's record of when this process began, not when this method ran: a change made while the runtime was
    // still loading is already one this silo must treat as news.
    private static DateTimeOffset? ProcessStartedAt()
    {
        try
        {
            using var self = System.Diagnostics.Process.GetCurrentProcess();
            return new DateTimeOffset(self.StartTime.ToUniversalTime(), TimeSpan.Zero);
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
