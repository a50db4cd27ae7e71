using Ccm.CloudClients;
using Ccm.CloudClients.Ecs;
using Ccm.CloudClients.Endpoints;
using Ccm.CloudClients.Hosting;
using Ccm.CloudClients.Slb;
using Ccm.CloudClients.Vpc;
using Ccm.Grains.Services;
using Ccm.Grains.Tests.Fakes;
using Ccm.Kube.Api;
using Ccm.Kube.Config;
using Ccm.Kube.Models;
using Ccm.Sandbox.Aliyun;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;
using Ccm.TestSupport;
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

    public HttpKubeApi KubeApi { get; private set; } = null!;

    public CapturingLoggerProvider Logs { get; } = new();

    public ISlbClient Slb => clients.GetRequiredService<ISlbClient>();

    public IEcsClient Ecs => clients.GetRequiredService<IEcsClient>();

    public IVpcClient Vpc => clients.GetRequiredService<IVpcClient>();

    public async Task InitializeAsync()
    {
        Cloud = await AliyunEmulator.StartAsync(new AliyunEmulatorOptions { AccessKeyId = AccessKeyId, AccessKeySecret = AccessKeySecret });
        Kube = await KubeEmulator.StartAsync(new KubeEmulatorOptions { Seed = SeedKind.Empty, RunControllers = false });
        KubeApi = new HttpKubeApi(EmulatorClientConfig.For(Kube), new KubeApiOptions { Qps = 0 });
        clients = CreateClients(attempts: 8);
    }

    /// <summary>Clients with their own transport settings (e.g. one attempt, so a lost answer fails the turn).</summary>
    public ServiceProvider CreateClients(int attempts)
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
            })
            .BuildServiceProvider();
    }

    public Harness NewHarness(CcmOptions? options = null, ServiceProvider? withClients = null) => new(this, options ?? ServiceBuilders.Options(), withClients ?? clients);

    public async Task DisposeAsync()
    {
        await clients.DisposeAsync();
        KubeApi.Dispose();
        await Kube.DisposeAsync();
        await Cloud.DisposeAsync();
    }
}

/// <summary>One reconciler with its own cache, events, state board and grain memory.</summary>
public sealed class Harness
{
    private readonly ServiceWorld world;

    public Harness(ServiceWorld world, CcmOptions options, IServiceProvider clients)
    {
        this.world = world;
        Options = options;
        var slb = clients.GetRequiredService<ISlbClient>();
        var time = TimeProvider.System;
        Reconciler = new ServiceReconciler(Cache, new LoadBalancerFinder(slb),
            new EniResolver(clients.GetRequiredService<IEcsClient>(), clients.GetRequiredService<IVpcClient>(), options, time),
            new ServiceExecutor(slb), new ServiceStatusWriter(world.KubeApi), new ServiceEvents(Events, time), new ServiceStatePublisher(Board, time),
            options, time, world.Logs.CreateFactory().CreateLogger<ServiceReconciler>());
        foreach (var node in ServiceBuilders.DemoNodes())
        {
            Cache.With(node);
        }
    }

    public CcmOptions Options { get; }

    public FakeClusterCache Cache { get; } = new();

    public RecordingEventRecorder Events { get; } = new();

    public DictionaryStateBoard Board { get; } = new();

    public ServiceMemory Memory { get; } = new();

    public ServiceReconciler Reconciler { get; }

    /// <summary>Creates the Service in the Kubernetes emulator (which gives it a UID) and puts it in the cache.</summary>
    public async Task<Service> CreateAsync(Service service)
    {
        // The API server assigns the UID and the node ports (tests run side by side in one emulator).
        var created = await world.KubeApi.CreateAsync(service with
        {
            Metadata = service.Metadata with { Uid = null, ResourceVersion = null, Generation = null },
            Spec = service.Spec! with { Ports = [.. service.Spec.Ports!.Select(p => p with { NodePort = null })] },
        });
        Cache.With(created);
        return created;
    }

    /// <summary>What the watcher does: the cache gets the Service as the API server has it now (or loses it).</summary>
    public async Task<Service?> RefreshAsync(string name, string ns = "default")
    {
        var current = await world.KubeApi.GetOrNullAsync<Service>(ns, name);
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

    /// <summary>One turn of the grain, then the cache catches up with what the turn wrote.</summary>
    public async Task<ServiceTurn> TurnAsync(string name, string ns = "default")
    {
        try
        {
            return await Reconciler.ReconcileAsync($"{ns}/{name}", Memory, CancellationToken.None);
        }
        finally
        {
            await RefreshAsync(name, ns);
        }
    }

    /// <summary>A merge patch, as <c>kubectl patch --type merge</c> sends it; the cache gets the result.</summary>
    public async Task<Service> PatchAsync(string name, string mergePatch, string ns = "default")
    {
        var patched = await world.KubeApi.PatchAsync<Service>(ns, name, KubePatch.Merge(mergePatch));
        Cache.With(patched);
        return patched;
    }

    public Task<Service> AnnotateAsync(string name, string suffix, string value) =>
        PatchAsync(name, new System.Text.Json.Nodes.JsonObject
        {
            ["metadata"] = new System.Text.Json.Nodes.JsonObject
            {
                ["annotations"] = new System.Text.Json.Nodes.JsonObject { [ServicePredicates.AnnotationPrefix + suffix] = value },
            },
        }.ToJsonString());

    public ServiceIdentity Identity(Service service) => DesiredStateBuilder.IdentityOf(service, Options);

    public Sandbox.Aliyun.State.LoadBalancer? LoadBalancerOf(Service service) =>
        world.Cloud.Cloud.LoadBalancers.SingleOrDefault(l => l.Tags.Any(t => t.Key == "kubernetes.do.not.delete" && t.Value == Identity(service).DefaultLoadBalancerName));
}
