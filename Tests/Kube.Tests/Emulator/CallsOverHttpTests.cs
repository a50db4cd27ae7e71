using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using Ccm.Kube.Client;
using Ccm.Kube.Http;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Ccm.Kube.Tests.Emulator;

/// <summary>
/// What the call recorder and the metrics see of the official client's typed operations: each call as RBAC names it
/// (the chart tests compare these with the Helm chart's rules), and nothing for non-resource paths.
/// </summary>
public sealed class CallsOverHttpTests : EmulatorTest
{
    [Fact]
    public async Task Every_operation_the_ccm_uses_is_recorded_as_the_verb_and_resource_rbac_checks()
    {
        var name = Unique("web");
        Emulator.Objects.Create(new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Node", ["metadata"] = new JsonObject { ["name"] = "n1" } });

        await Kube.Version.GetCodeAsync();
        await Kube.CoreV1.CreateNamespacedServiceAsync(new V1Service { Metadata = new() { Name = name }, Spec = new() { Ports = [new() { Port = 80 }] } }, "default");
        var service = await Kube.CoreV1.ReadNamespacedServiceAsync(name, "default");
        await Kube.CoreV1.ListServiceForAllNamespacesAsync(limit: 500);
        await foreach (var _ in Kube.CoreV1.WatchListServiceForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: service.Metadata.ResourceVersion, timeoutSeconds: 1))
        {
        }

        await Kube.CoreV1.PatchNamespacedServiceStatusAsync(KubePatch.Merge(new JsonObject { ["status"] = new JsonObject() }), name, "default");
        await Kube.CoreV1.PatchNamespacedServiceAsync(KubePatch.Labels(new Dictionary<string, string?> { ["x"] = "y" }), name, "default");
        await Kube.CoreV1.PatchNodeStatusAsync(KubePatch.StrategicMerge(new JsonObject { ["status"] = new JsonObject() }), "n1");
        await Kube.DiscoveryV1.ListEndpointSliceForAllNamespacesAsync();
        var lease = await Kube.CoordinationV1.CreateNamespacedLeaseAsync(new V1Lease { Metadata = new() { Name = Unique("ccm") }, Spec = new() { HolderIdentity = "silo-0" } }, "kube-system");
        await Kube.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, lease.Metadata.Name, "kube-system");
        await Kube.EventsV1.CreateNamespacedEventAsync(new Eventsv1Event
        {
            Metadata = new() { GenerateName = "web." },
            Regarding = ObjectReferences.For(service),
            Reason = "EnsuredLoadBalancer",
            Note = "done",
            Type = "Normal",
            Action = "Ensure",
            EventTime = DateTime.UtcNow,
            ReportingController = "ccm",
            ReportingInstance = "ccm-0",
        }, "default");
        await Kube.CoreV1.DeleteNamespacedServiceAsync(name, "default");

        Assert.Equal(
            new HashSet<(string, string, string)>
            {
                ("", "services", "create"), ("", "services", "get"), ("", "services", "list"), ("", "services", "watch"),
                ("", "services/status", "patch"), ("", "services", "patch"), ("", "services", "delete"), ("", "nodes/status", "patch"),
                ("discovery.k8s.io", "endpointslices", "list"),
                ("coordination.k8s.io", "leases", "create"), ("coordination.k8s.io", "leases", "update"),
                ("events.k8s.io", "events", "create"),
            },
            Calls.Permissions);
        Assert.Contains(new KubeCall("patch", "", "nodes", "status", null, "n1"), Calls.Calls);
        Assert.Contains(new KubeCall("watch", "", "services", null, null), Calls.Calls);
        Assert.Contains(new KubeCall("create", "coordination.k8s.io", "leases", null, "kube-system"), Calls.Calls);
    }

    [Fact]
    public async Task Every_request_is_counted_by_verb_resource_and_code()
    {
        using var meters = new TestMeterFactory();
        var counted = new List<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this client's meter: other tests' clients publish on meters of the same name in parallel.
            if (meters.Created.Contains(instrument.Meter) && instrument.Name == "kube.client.requests")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var t = tags.ToArray().ToDictionary(p => p.Key, p => p.Value);
            lock (counted)
            {
                counted.Add($"{t["verb"]} {t["resource"]} {t["code"]} x{value}");
            }
        });
        listener.Start();
        var kube = Client(new KubeClientOptions { Qps = 0, MeterFactory = meters });
        var name = Unique("web");
        await kube.CoreV1.CreateNamespacedServiceAsync(new V1Service { Metadata = new() { Name = name }, Spec = new() { Ports = [new() { Port = 80 }] } }, "default");

        await kube.CoreV1.PatchNamespacedServiceStatusAsync(KubePatch.Merge(new JsonObject { ["status"] = new JsonObject() }), name, "default");
        await Assert.ThrowsAsync<HttpOperationException>(() => kube.CoreV1.ReadNamespacedServiceAsync(Unique("missing"), "default"));

        Assert.Equal(["create services 201 x1", "patch services/status 200 x1", "get services 404 x1"], counted);
    }

    private sealed class TestMeterFactory : IMeterFactory
    {
        public List<Meter> Created { get; } = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options);
            Created.Add(meter);
            return meter;
        }

        public void Dispose() => Created.ForEach(m => m.Dispose());
    }
}
