using System.Text.Json.Nodes;
using Ccm.Kube.Http;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;
using Ccm.Silo;
using Ccm.Silo.CloudConfiguration;
using Ccm.Silo.Composition;
using Ccm.Silo.Options;
using Ccm.Silo.SandboxHosting;
using Ccm.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ccm.Chart.Tests;

/// <summary>
/// The Kubernetes calls the real silo makes, as its client's <see cref="KubeCallRecorder"/> saw them. The silo runs
/// with the service, node and route controllers and leader election on, against both emulators seeded as
/// <c>--sandbox</c> seeds them, through a short life that reaches every write it can make: the demo LoadBalancer
/// Service is provisioned then deleted (finalizer, status), the nodes are initialised, a stale node address is
/// corrected (status), the demo pods' readiness gate is set (pods read by name, their status patched), a node whose
/// instance was terminated is deleted, reminders are stored in their ConfigMaps, the
/// first heartbeat creates the silo's slot Lease, and a graceful stop marks the silo's row in the membership ConfigMap.
/// </summary>
internal static class SiloCallRecording
{
    private const string StaleAddress = "203.0.113.9";

    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(90);

    private static readonly Lazy<Task<IReadOnlyList<KubeCall>>> Recorded = new(RecordAsync);

    /// <summary>The recorded calls, once per test run (the life takes a while on a loaded machine).</summary>
    public static Task<IReadOnlyList<KubeCall>> CallsAsync() => Recorded.Value;

    private static async Task<IReadOnlyList<KubeCall>> RecordAsync()
    {
        var folder = Directory.CreateTempSubdirectory("ccm-chart-rbac-").FullName;
        try
        {
            await using var sandbox = await SandboxEnvironment.StartAsync(folder, deployDemoApp: true, emulatorLogs: null, CancellationToken.None);
            var logs = new CapturingLoggerProvider();
            var app = BuildSilo(sandbox, logs);
            var recorder = app.Services.GetRequiredService<KubeCallRecorder>();
            try
            {
                await app.StartAsync();
                await LiveAsync(sandbox.Kube.Objects, sandbox, logs);
                await app.StopAsync(); // graceful: the silo's membership row goes ShuttingDown, then Dead
            }
            finally
            {
                await app.DisposeAsync();
            }

            return recorder.Calls;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Microsoft.AspNetCore.Builder.WebApplication BuildSilo(SandboxEnvironment sandbox, CapturingLoggerProvider logs)
    {
        string[] args =
        [
            $"--kubeconfig={sandbox.KubeconfigPath}", $"--cloud-config={sandbox.CloudConfigPath}",
            "--controllers=service,node,route", $"--cluster-cidr={DemoWorld.ClusterCidr}", "--leader-elect=true",
            $"--leader-elect-resource-namespace={ChartRenderer.Namespace}", "--silo-name=rbac",
            "--leader-elect-lease-duration=3s", "--leader-elect-renew-deadline=2s", "--leader-elect-retry-period=500ms",
            "--health-probe-bind-addr=127.0.0.1:0", "--metrics-bind-addr=127.0.0.1:0", "--dashboard-bind-addr=127.0.0.1:0",
        ];
        var parsed = CommandLine.Parse(args, variable => sandbox.Environment.GetValueOrDefault(variable));
        Assert.True(parsed.Action == CommandLineAction.Run, string.Join("\n", parsed.Errors));
        var options = FreePorts.Assign(parsed.Options!);
        var cloud = CloudConfigReader.Load(options.CloudConfigPath!).Config;
        return SiloApp.BuildHost(options, cloud, KubeConnection.Load(options), builder => builder.Logging.ClearProviders().AddProvider(logs));
    }

    private static async Task LiveAsync(KubeObjects kube, SandboxEnvironment sandbox, CapturingLoggerProvider logs)
    {
        await EventuallyAsync(
            () => kube.Get("services", DemoApp.Namespace, DemoApp.Name)?["status"]?["loadBalancer"]?["ingress"] is JsonArray { Count: > 0 }
                && kube.List("configmaps", ChartRenderer.Namespace).Any(m => ((string)m["metadata"]!["name"]!).StartsWith("ccm-reminders-", StringComparison.Ordinal)),
            "the demo Service gets its address and its resync reminder is stored",
            logs);

        // A stale address on a Node: the node grain rewrites status.addresses from its instance.
        var stale = DemoWorld.Nodes[0].Name;
        var addresses = Addresses(kube.Get("nodes", null, stale));
        addresses.Add(new JsonObject { ["type"] = "ExternalIP", ["address"] = StaleAddress });
        kube.Patch("nodes", null, stale, KubePatchType.Merge, new JsonObject { ["status"] = new JsonObject { ["addresses"] = addresses } }, subresource: "status");
        await EventuallyAsync(
            () => !Addresses(kube.Get("nodes", null, stale)).Any(a => (string?)a!["address"] == StaleAddress),
            "the node grain removes an address its instance does not have",
            logs);

        // The demo pods declare the Service's readiness gate: the rollout's new pods are read by name and their gate set.
        kube.Patch("deployments.apps", DemoApp.Namespace, DemoApp.Name, KubePatchType.StrategicMerge, new JsonObject
        {
            ["spec"] = new JsonObject { ["template"] = new JsonObject { ["spec"] = new JsonObject
            {
                ["readinessGates"] = new JsonArray(new JsonObject { ["conditionType"] = $"service.readiness.alibabacloud.com/{DemoApp.Name}" }),
            } } },
        });
        await EventuallyAsync(
            () => kube.List("pods", DemoApp.Namespace, "run=nginx").Any(p => p["spec"]?["readinessGates"] is JsonArray { Count: > 0 }
                && p["status"]?["conditions"] is JsonArray conditions
                && conditions.Any(c => (string?)c?["type"] == $"service.readiness.alibabacloud.com/{DemoApp.Name}" && (string?)c["status"] == "True")),
            "the Service grain sets the readiness gate of a demo pod",
            logs);

        // Deleting the Service: the silo removes its CLB, then its finalizer.
        kube.Delete("services", DemoApp.Namespace, DemoApp.Name);
        await EventuallyAsync(() => kube.Get("services", DemoApp.Namespace, DemoApp.Name) is null, "the deleted Service goes once its finalizer is removed", logs);

        // A node whose instance is gone and whose kubelet stopped reporting is deleted (upstream's rule).
        var gone = DemoWorld.Nodes[^1];
        kube.Patch("nodes", null, gone.Name, KubePatchType.Merge,
            """{"status":{"conditions":[{"type":"Ready","status":"Unknown","reason":"NodeStatusUnknown"}]}}""", subresource: "status");
        sandbox.Cloud.Cloud.TerminateInstance(gone.InstanceId);
        await EventuallyAsync(() => kube.Get("nodes", null, gone.Name) is null, "the node of the terminated instance is deleted", logs);

        // Orleans writes a silo's IAmAlive every 30 s (IAmAliveTablePublishTimeout); the first creates its slot Lease.
        await EventuallyAsync(() => kube.Get("leases", ChartRenderer.Namespace, "ccm-silo-0") is not null, "the silo's first heartbeat creates its slot Lease", logs);
    }

    private static JsonArray Addresses(JsonObject? node) => (node?["status"]?["addresses"] as JsonArray)?.DeepClone().AsArray() ?? [];

    private static async Task EventuallyAsync(Func<bool> condition, string because, CapturingLoggerProvider logs)
    {
        try
        {
            await Eventually.TrueAsync(condition, because, Generous);
        }
        catch (Xunit.Sdk.XunitException ex)
        {
            throw new Xunit.Sdk.XunitException($"{ex.Message}\nsilo logs:\n{logs.AllText()}");
        }
    }
}
