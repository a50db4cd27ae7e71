using Ccm.CloudClients.Ecs;
using Ccm.CloudClients.Endpoints;
using Ccm.CloudClients.Hosting;
using Ccm.CloudClients.Slb;
using Ccm.CloudClients.Vpc;
using Ccm.Grains;
using Ccm.Grains.Events;
using Ccm.Grains.Nodes;
using Ccm.Grains.Services;
using Ccm.Grains.State;
using Ccm.Kube.Client;
using Ccm.Sandbox.Aliyun;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ccm.Bench.Budget;

/// <summary>
/// Both emulators and one Service grain's reconciler, composed as the grain composes it, with the silo's cloud clients
/// (rate limits off: the budget counts calls, not time). Each step is what the API server and the watcher would do,
/// then one turn; the OpenAPI emulator's own call log is what is counted.
/// </summary>
internal sealed class ServiceBudgetRun : IAsyncDisposable
{
    private const string AccessKeyId = "LTAI5tBenchServiceBudget";
    private const string AccessKeySecret = "bench-service-budget-secret";
    private const string Namespace = "default";

    private readonly AliyunEmulator cloud;
    private readonly KubeEmulator kube;
    private readonly Kubernetes kubeClient;
    private readonly ServiceProvider clients;
    private readonly string kubeconfig;
    private readonly BudgetClusterCache cache;
    private readonly ServiceReconciler reconciler;
    private readonly Dictionary<string, ServiceMemory> memories = [];

    private ServiceBudgetRun(AliyunEmulator cloud, KubeEmulator kube, string kubeconfig)
    {
        this.cloud = cloud;
        this.kube = kube;
        this.kubeconfig = kubeconfig;
        kubeClient = KubeClientFactory.Create(KubeConnection.Load(kubeconfig, null), new KubeClientOptions { Qps = 0 });
        var endpoint = cloud.BaseAddress.Authority;
        clients = new ServiceCollection()
            .AddSingleton(CloudEnvironment.Empty
                .With(CloudEnvironment.SlbEndpoint, endpoint).With(CloudEnvironment.VpcEndpoint, endpoint).With(CloudEnvironment.EcsEndpoint, endpoint)
                .With(CloudEnvironment.ClientScheme, "HTTP").With(CloudEnvironment.AccessKeyId, AccessKeyId).With(CloudEnvironment.AccessKeySecret, AccessKeySecret))
            .AddAliyunCloudClients(o =>
            {
                o.RegionId = DemoWorld.RegionId;
                foreach (var limit in o.RateLimits.Values)
                {
                    limit.PermitsPerSecond = 0;
                }
            })
            .BuildServiceProvider();
        var options = new CcmOptions
        {
            ClusterId = DemoWorld.ClusterId, RegionId = DemoWorld.RegionId, VpcId = DemoWorld.VpcId,
            VSwitches = [.. DemoWorld.VSwitches.Select(v => new ZoneVSwitch(v.ZoneId, v.VSwitchId))],
        };
        cache = new BudgetClusterCache([.. DemoWorld.Nodes.Select(Node)]);
        var slb = clients.GetRequiredService<ISlbClient>();
        var vpc = clients.GetRequiredService<IVpcClient>();
        var time = TimeProvider.System;
        var events = new DiscardingEventRecorder();
        var ecs = clients.GetRequiredService<IEcsClient>();
        var missing = new MissingInstances(
            new InstanceBatcher(ecs, options, new InstanceBatchOptions(), time, NullLogger<InstanceBatcher>.Instance), events, options, time, NullLogger<MissingInstances>.Instance);
        reconciler = new ServiceReconciler(cache, new LoadBalancerFinder(slb),
            new EniResolver(ecs, vpc, options, time), new ServiceEips(new EipFinder(vpc)), new PodReadinessGates(kubeClient, time),
            new ServiceExecutor(slb, vpc, options), new ServiceStatusWriter(kubeClient), new ServiceEvents(events, time),
            new ServiceStatePublisher(new GrainStateBoard(), time), missing, new ServiceTurnSlots(options, time), options, time,
            NullLogger<ServiceReconciler>.Instance);
    }

    public static async Task<ServiceBudgetRun> StartAsync(CancellationToken cancellationToken)
    {
        var cloud = await AliyunEmulator.StartAsync(new AliyunEmulatorOptions { AccessKeyId = AccessKeyId, AccessKeySecret = AccessKeySecret }, cancellationToken);
        var kube = await KubeEmulator.StartAsync(new KubeEmulatorOptions { Seed = SeedKind.Empty, RunControllers = false }, cancellationToken);
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"service-budget-kubeconfig-{Environment.ProcessId}.yaml");
        kube.WriteKubeconfig(kubeconfig);
        return new ServiceBudgetRun(cloud, kube, kubeconfig);
    }

    /// <summary>The API server gives the Service its UID and node ports; the watcher puts it in the cache.</summary>
    public async Task CreateAsync(V1Service service, CancellationToken cancellationToken) =>
        cache.Put(await kubeClient.CoreV1.CreateNamespacedServiceAsync(service, Namespace, cancellationToken: cancellationToken));

    public async Task ReplaceAsync(string name, Func<V1Service, V1Service> change, CancellationToken cancellationToken)
    {
        var current = await kubeClient.CoreV1.ReadNamespacedServiceAsync(name, Namespace, cancellationToken: cancellationToken);
        cache.Put(await kubeClient.CoreV1.ReplaceNamespacedServiceAsync(change(current), name, Namespace, cancellationToken: cancellationToken));
    }

    public async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        await kubeClient.CoreV1.DeleteNamespacedServiceAsync(name, Namespace, cancellationToken: cancellationToken);
        await RefreshAsync(name, cancellationToken);
    }

    public void PutSlice(string serviceName, V1EndpointSlice slice) => cache.Put(Namespace, serviceName, slice);

    /// <summary>One turn of the Service's grain; the watcher then delivers what the turn wrote (finalizer, status).</summary>
    public async Task TurnAsync(string name, CancellationToken cancellationToken)
    {
        if (!memories.TryGetValue(name, out var memory))
        {
            memories[name] = memory = new ServiceMemory();
        }

        await reconciler.ReconcileAsync($"{Namespace}/{name}", memory, cancellationToken);
        await RefreshAsync(name, cancellationToken);
    }

    /// <summary>
    /// Listeners of the load balancer at the Service's ingress address, or null when the Service is gone (its finalizer
    /// removed); a count is only worth something for a turn that did its work, so each operation checks it.
    /// </summary>
    public int? ListenersOf(string name)
    {
        if (cache.GetService(Namespace, name) is not { } service)
        {
            return null;
        }

        var address = service.Status?.LoadBalancer?.Ingress?.FirstOrDefault()?.Ip;
        return cloud.Cloud.LoadBalancers.SingleOrDefault(l => l.Address == address)?.Listeners.Count ?? 0;
    }

    /// <summary>Forgets the calls so far: the next count starts here.</summary>
    public void StartCounting() => cloud.Calls.Clear();

    /// <summary>Calls since <see cref="StartCounting"/>, reads being the <c>Describe*</c> actions.</summary>
    public CallCount Count()
    {
        var actions = cloud.Calls.Entries.Select(c => c.Action).ToList();
        var reads = actions.Count(a => a.StartsWith("Describe", StringComparison.Ordinal));
        return new CallCount(reads, actions.Count - reads, actions);
    }

    public async ValueTask DisposeAsync()
    {
        await clients.DisposeAsync();
        kubeClient.Dispose();
        await kube.DisposeAsync();
        await cloud.DisposeAsync();
        File.Delete(kubeconfig);
    }

    private async Task RefreshAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            cache.Put(await kubeClient.CoreV1.ReadNamespacedServiceAsync(name, Namespace, cancellationToken: cancellationToken));
        }
        catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            cache.Remove(Namespace, name);
        }
    }

    /// <summary>A demo node as the node controller leaves it: provider ID set, Ready, its InternalIP.</summary>
    private static V1Node Node(DemoNode demo) => new()
    {
        Metadata = new V1ObjectMeta { Name = demo.Name, Labels = new Dictionary<string, string> { ["kubernetes.io/hostname"] = demo.Name } },
        Spec = new V1NodeSpec { ProviderID = demo.ProviderId },
        Status = new V1NodeStatus
        {
            Conditions = [new V1NodeCondition { Type = "Ready", Status = "True" }],
            Addresses = [new V1NodeAddress { Type = "InternalIP", Address = demo.PrivateIp }],
        },
    };

    private sealed class DiscardingEventRecorder : IEventRecorder
    {
        public void Record(V1ObjectReference regarding, EventSeverity severity, string reason, string message)
        {
        }
    }
}

/// <summary>Cloud calls of one operation: reads (<c>Describe*</c>), writes, and the actions in order.</summary>
internal sealed record CallCount(int Reads, int Writes, IReadOnlyList<string> Actions)
{
    public int Total => Reads + Writes;

    public override string ToString() => $"{Total} = {Reads}R+{Writes}W";
}
