using System.Text.Json.Nodes;
using Ccm.CloudClients;
using Ccm.CloudClients.Ecs;
using Ccm.CloudClients.Endpoints;
using Ccm.CloudClients.Hosting;
using Ccm.CloudClients.Slb;
using Ccm.CloudClients.Vpc;
using Ccm.Grains.Nodes;
using Ccm.Grains.Services;
using Ccm.Grains.Tests.Fakes;
using Ccm.Grains.Tests.Support;
using Ccm.Kube.Client;
using Ccm.Sandbox.Aliyun;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;
using Ccm.TestSupport;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ccm.Grains.Tests.Services;

/// <summary>
/// Both emulators on loopback and the real clients over HTTP, as the silo wires them; the cluster cache is a fake the
/// test fills (what the watcher would do), the Kubernetes writes (finalizer, status) go to the Kubernetes emulator.
/// </summary>
public sealed class ServiceWorld : IAsyncLifetime
{
    public const string AccessKeyId = "LTAI5tServiceGrainTest01";
    public const string AccessKeySecret = "service-grain-secret-MUST-NOT-LEAK-5d1c";

    private ServiceProvider clients = null!;

    public AliyunEmulator Cloud { get; private set; } = null!;

    public KubeEmulator Kube { get; private set; } = null!;

    /// <summary>The KubernetesClient the code under test and the test share, connected to <see cref="Kube"/>.</summary>
    public Kubernetes KubeClient { get; private set; } = null!;

    public CapturingLoggerProvider Logs { get; } = new();

    public ISlbClient Slb => clients.GetRequiredService<ISlbClient>();

    public IEcsClient Ecs => clients.GetRequiredService<IEcsClient>();

    public IVpcClient Vpc => clients.GetRequiredService<IVpcClient>();

    public async Task InitializeAsync()
    {
        Cloud = await AliyunEmulator.StartAsync(new AliyunEmulatorOptions { AccessKeyId = AccessKeyId, AccessKeySecret = AccessKeySecret });
        Kube = await KubeEmulator.StartAsync(new KubeEmulatorOptions { Seed = SeedKind.Empty, RunControllers = false });
        KubeClient = EmulatorKube.Client(Kube);
        clients = CreateClients(attempts: 8);
    }

    /// <summary>Clients with their own transport settings (e.g. one attempt, so a lost answer fails the turn) and,
    /// when <paramref name="rateLimits"/> is given, that client-side budget (else none).</summary>
    public ServiceProvider CreateClients(int attempts, string? rateLimits = null)
    {
        var endpoint = Cloud.BaseAddress.Authority;
        var environment = CloudEnvironment.Empty
            .With(CloudEnvironment.SlbEndpoint, endpoint).With(CloudEnvironment.VpcEndpoint, endpoint).With(CloudEnvironment.EcsEndpoint, endpoint)
            .With(CloudEnvironment.ClientScheme, "HTTP").With(CloudEnvironment.AccessKeyId, AccessKeyId).With(CloudEnvironment.AccessKeySecret, AccessKeySecret);
        return new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(Logs))
            .AddSingleton(environment)
            .AddAliyunCloudClients(o =>
            {
                o.RegionId = DemoWorld.RegionId;
                o.MaxAttempts = attempts;
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
                o.RetryMaxDelay = TimeSpan.FromMilliseconds(200);
                foreach (var limit in o.RateLimits.Values)
                {
                    limit.PermitsPerSecond = 0;
                }

                o.ApplyRateLimits(rateLimits);
            })
            .BuildServiceProvider();
    }

    /// <param name="kube">The Kubernetes client of the turns' writes and pod reads (e.g. one recording its calls), else <see cref="KubeClient"/>.</param>
    public Harness NewHarness(CcmOptions? options = null, ServiceProvider? withClients = null, IKubernetes? kube = null) =>
        new(this, options ?? ServiceBuilders.Options(), withClients ?? clients, kube ?? KubeClient);

    public async Task DisposeAsync()
    {
        await clients.DisposeAsync();
        KubeClient.Dispose();
        await Kube.DisposeAsync();
        await Cloud.DisposeAsync();
    }
}

/// <summary>
/// One reconciler with its own cache, events, state board and grain memory. After every turn the cache checks that the
/// turn changed none of the objects it handed out.
/// </summary>
public sealed class Harness
{
    private readonly ServiceWorld world;

    public Harness(ServiceWorld world, CcmOptions options, IServiceProvider clients, IKubernetes kube)
    {
        this.world = world;
        Options = options;
        var slb = clients.GetRequiredService<ISlbClient>();
        var time = TimeProvider.System;
        var vpc = clients.GetRequiredService<IVpcClient>();
        var logs = world.Logs.CreateFactory();
        var instances = new InstanceBatcher(clients.GetRequiredService<IEcsClient>(), options, QuickBatches, time, logs.CreateLogger<InstanceBatcher>());
        MissingInstances = new MissingInstances(instances, Events, options, time, logs.CreateLogger<MissingInstances>());
        Slots = new ServiceTurnSlots(options, time);
        Reconciler = new ServiceReconciler(Cache, new LoadBalancerFinder(slb),
            new EniResolver(clients.GetRequiredService<IEcsClient>(), vpc, options, time), new ServiceEips(new EipFinder(vpc)), new PodReadinessGates(kube, time),
            new ServiceExecutor(slb, vpc, options), new ServiceStatusWriter(kube), new ServiceEvents(Events, time), new ServiceStatePublisher(Board, time),
            MissingInstances, Slots, options, time, logs.CreateLogger<ServiceReconciler>());
        foreach (var node in ServiceBuilders.DemoNodes())
        {
            Cache.With(node);
        }
    }

    /// <summary>Instance lookups answered within milliseconds (the silo waits up to seconds to fill a batch).</summary>
    public static InstanceBatchOptions QuickBatches { get; } = new() { Quiet = TimeSpan.FromMilliseconds(20), MaxWait = TimeSpan.FromMilliseconds(200) };

    public CcmOptions Options { get; }

    public MissingInstances MissingInstances { get; }

    /// <summary>This reconciler's own cap on turns holding members (the silo shares one between its Service grains).</summary>
    public ServiceTurnSlots Slots { get; }

    public FakeClusterCache Cache { get; } = new();

    public RecordingEventRecorder Events { get; } = new();

    public DictionaryStateBoard Board { get; } = new();

    public ServiceMemory Memory { get; } = new();

    public ServiceReconciler Reconciler { get; }

    /// <summary>Creates the Service in the Kubernetes emulator (which gives it a UID) and puts it in the cache.</summary>
    public async Task<V1Service> CreateAsync(V1Service service)
    {
        // The API server assigns the UID and the node ports (tests run side by side in one emulator).
        var body = service.Clone(s =>
        {
            s.Metadata.Uid = null;
            s.Metadata.ResourceVersion = null;
            s.Metadata.Generation = null;
            foreach (var port in s.Spec.Ports)
            {
                port.NodePort = null;
            }
        });
        var created = await world.KubeClient.CoreV1.CreateNamespacedServiceAsync(body, body.Metadata.NamespaceProperty);
        Cache.With(created);
        return created;
    }

    /// <summary>What the watcher does: the cache gets the Service as the API server has it now (or loses it).</summary>
    public async Task<V1Service?> RefreshAsync(string name, string ns = "default")
    {
        var current = await world.KubeClient.CoreV1.ReadNamespacedServiceAsync(name, ns).OrNullAsync();
        if (current is null)
        {
            Cache.WithoutService(ns, name);
        }
        else
        {
            Cache.With(current);
        }

        return current;
    }

    /// <summary>One turn of the grain, the check that it changed no cached object, then the cache catches up with what the turn wrote.</summary>
    public async Task<ServiceTurn> TurnAsync(string name, string ns = "default")
    {
        try
        {
            return await Reconciler.ReconcileAsync($"{ns}/{name}", Memory, CancellationToken.None);
        }
        finally
        {
            Cache.VerifyUnchanged();
            await RefreshAsync(name, ns);
        }
    }

    /// <summary>A merge patch, as <c>kubectl patch --type merge</c> sends it; the cache gets the result.</summary>
    public async Task<V1Service> PatchAsync(string name, string mergePatch, string ns = "default")
    {
        var patched = await world.KubeClient.CoreV1.PatchNamespacedServiceAsync(KubePatch.Merge(JsonNode.Parse(mergePatch)!), name, ns);
        Cache.With(patched);
        return patched;
    }

    public Task<V1Service> AnnotateAsync(string name, string suffix, string value) =>
        PatchAsync(name, new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["annotations"] = new JsonObject { [ServicePredicates.AnnotationPrefix + suffix] = value },
            },
        }.ToJsonString());

    public ServiceIdentity Identity(V1Service service) => DesiredStateBuilder.IdentityOf(service, Options);

    public Sandbox.Aliyun.State.LoadBalancer? LoadBalancerOf(V1Service service) =>
        world.Cloud.Cloud.LoadBalancers.SingleOrDefault(l => l.Tags.Any(t => t.Key == "kubernetes.do.not.delete" && t.Value == Identity(service).DefaultLoadBalancerName));
}
