using Ccm.Sandbox.Aliyun;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;
using Ccm.Silo;
using Ccm.Silo.CloudConfiguration;
using Ccm.Silo.Composition;
using Ccm.Silo.Options;
using Ccm.Silo.SandboxHosting;
using Ccm.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Ccm.EndToEnd.Tests;

/// <summary>
/// Both emulators in this process with their demo seeds (the demo nodes, the demo cloud and, unless asked not to,
/// the demo app), and the folder a silo joins them with: exactly what <c>Ccm.Silo --sandbox</c> sets up. Start silos
/// against it in-process (<see cref="StartSiloAsync"/>) or as the real executable (<see cref="StartSiloProcess"/>).
/// Use it as a class fixture (<c>IClassFixture&lt;SandboxWorld&gt;</c>) or own one per test with <see cref="StartAsync"/>.
/// </summary>
public sealed class SandboxWorld : IAsyncLifetime, IAsyncDisposable
{
    private readonly bool deployDemoApp;
    private readonly List<IAsyncDisposable> silos = [];
    private SandboxEnvironment? sandbox;

    public SandboxWorld()
        : this(deployDemoApp: true)
    {
    }

    private SandboxWorld(bool deployDemoApp) => this.deployDemoApp = deployDemoApp;

    public SandboxEnvironment Sandbox => sandbox ?? throw new InvalidOperationException("the world is not started");

    /// <summary>The OpenAPI emulator: <c>Calls</c> (call log), <c>Faults</c>, <c>Cloud</c> (state), <c>BaseAddress</c>.</summary>
    public AliyunEmulator Cloud => Sandbox.Cloud;

    /// <summary>The Kubernetes emulator: <c>Objects</c> (store), <c>Faults</c>, <c>BaseAddress</c>.</summary>
    public KubeEmulator Kube => Sandbox.Kube;

    public string Folder => Sandbox.Folder;

    public string KubeconfigPath => Sandbox.KubeconfigPath;

    public string CloudConfigPath => Sandbox.CloudConfigPath;

    public string EnvPath => Sandbox.EnvPath;

    /// <summary>The <c>env</c> file's variables (the OpenAPI and metadata endpoints of the emulator).</summary>
    public IReadOnlyDictionary<string, string> Environment => Sandbox.Environment;

    public Kubectl Kubectl => new(KubeconfigPath);

    public static async Task<SandboxWorld> StartAsync(bool deployDemoApp = true)
    {
        var world = new SandboxWorld(deployDemoApp);
        await world.InitializeAsync();
        return world;
    }

    public async Task InitializeAsync() =>
        sandbox = await SandboxEnvironment.StartAsync(
            Path.Combine(Path.GetTempPath(), "ccm-e2e-" + Guid.NewGuid().ToString("N")), deployDemoApp, emulatorLogs: null, CancellationToken.None);

    /// <summary>
    /// The arguments of a silo joining this world: its kubeconfig and cloud-config, the demo cluster CIDR, the
    /// silo's name, loopback listeners and <see cref="TestTimings.LeaseFlags"/>. Later flags in
    /// <paramref name="extra"/> win (the last of a repeated flag counts).
    /// </summary>
    public IReadOnlyList<string> SiloArguments(string name, IEnumerable<string>? extra = null) =>
    [
        $"--kubeconfig={KubeconfigPath}",
        $"--cloud-config={CloudConfigPath}",
        $"--cluster-cidr={DemoWorld.ClusterCidr}",
        $"--silo-name={name}",
        .. TestTimings.LoopbackListeners,
        .. TestTimings.LeaseFlags,
        .. extra ?? [],
    ];

    /// <summary>
    /// Starts a real silo in this process with <see cref="SiloArguments"/> (parsed by the real command line, with the
    /// <c>env</c> file as its environment), reminders allowed down to 1 s, logs captured. <paramref name="configure"/>
    /// runs after the CCM's own registrations (add recording grains, tune the runtime). Stopped with the world.
    /// </summary>
    public async Task<InProcessSilo> StartSiloAsync(string name, IEnumerable<string>? args = null, Action<WebApplicationBuilder>? configure = null)
    {
        var parsed = CommandLine.Parse(SiloArguments(name, args), variable => Environment.GetValueOrDefault(variable));
        Assert.True(parsed.Action == CommandLineAction.Run, string.Join("\n", parsed.Errors));
        var options = FreePorts.Assign(parsed.Options!);
        var cloud = CloudConfigReader.Load(options.CloudConfigPath!).Config;
        var logs = new CapturingLoggerProvider();
        var app = SiloApp.BuildHost(options, cloud, KubeConnection.Load(options), builder =>
        {
            builder.Logging.ClearProviders().AddProvider(logs);
            builder.Services.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TestTimings.MinimumReminderPeriod);
            configure?.Invoke(builder);
        });
        var silo = new InProcessSilo(app, options, logs);
        lock (silos)
        {
            silos.Add(silo);
        }

        await app.StartAsync();
        return silo;
    }

    /// <summary>Starts the real executable with <see cref="SiloArguments"/> and the <c>env</c> file's variables.</summary>
    public SiloProcess StartSiloProcess(string name, params string[] args) => StartProcess(SiloArguments(name, args));

    /// <summary>Starts the real executable with exactly <paramref name="args"/> and the <c>env</c> file's variables.</summary>
    public SiloProcess StartProcess(IEnumerable<string> args)
    {
        var process = SiloProcess.Start(args, Environment);
        lock (silos)
        {
            silos.Add(process);
        }

        return process;
    }

    public async Task DisposeAsync()
    {
        foreach (var silo in Enumerable.Reverse(silos))
        {
            await silo.DisposeAsync();
        }

        if (sandbox is not null)
        {
            await sandbox.DisposeAsync();
            try
            {
                Directory.Delete(sandbox.Folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();
}
