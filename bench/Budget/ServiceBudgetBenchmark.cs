using System.Globalization;
using k8s.Models;

namespace Ccm.Bench.Budget;

/// <summary>
/// The cloud calls of one Service operation each, counted in the OpenAPI emulator's call log, beside the issue's
/// targets and upstream's counts for the same operation (how those were counted: bench/README.md). With
/// <c>--services N</c> every operation is done on N Services and the figures are per Service (the smoke run uses 1).
/// </summary>
public sealed class ServiceBudgetBenchmark : IBenchmark
{
    public string Name => "budget";

    public string Description => "cloud calls per Service operation (create, unchanged, add a port, delete) beside the targets and upstream's counts";

    public IReadOnlyList<string> SmokeArgs => ["--services", "1"];

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var services = args.Length == 2 && args[0] == "--services" ? int.Parse(args[1], CultureInfo.InvariantCulture) : args.Length == 0 ? 3 : -1;
        if (services < 1)
        {
            Console.Error.WriteLine("usage: budget [--services N]   (N >= 1 Services per operation; default 3)");
            return 2;
        }

        await using var run = await ServiceBudgetRun.StartAsync(cancellationToken);
        var rows = new List<BudgetRow>();
        foreach (var operation in ServiceOperations.All)
        {
            var counts = new List<CallCount>();
            for (var i = 0; i < services; i++)
            {
                try
                {
                    counts.Add(await operation.MeasureAsync(run, $"{operation.Key}-{i}", cancellationToken));
                }
                catch (InvalidOperationException e)
                {
                    Console.Error.WriteLine($"budget: {e.Message}");
                    return 1;
                }
            }

            rows.Add(new BudgetRow(operation, counts));
        }

        Console.WriteLine($"budget: {services} Service(s) per operation, 3 nodes, calls from the OpenAPI emulator's call log; {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        Console.WriteLine($"{"operation",-36} {"ours (max)",-14} {"target",-16} {"upstream",-12} {"ours/upstream",13}  met");
        foreach (var row in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{row.Operation.Title,-36} {row.Worst,-14} {row.Operation.Target,-16} {row.Operation.Upstream,-12} {row.Worst.Total / (double)row.Operation.Upstream.Total,13:F2}  {(row.Met ? "yes" : "NO")}"));
        }

        foreach (var row in rows)
        {
            Console.WriteLine($"  {row.Operation.Key}: {string.Join(", ", row.Worst.Actions)}");
        }

        var missed = rows.Where(r => !r.Met).Select(r => r.Operation.Key).ToList();
        Console.WriteLine(missed.Count == 0 ? "every target met" : $"targets missed: {string.Join(", ", missed)}");
        return missed.Count == 0 ? 0 : 1;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    /// <summary>One operation's counts over the Services it was done on; the worst one is judged.</summary>
    private sealed record BudgetRow(ServiceOperation Operation, IReadOnlyList<CallCount> Counts)
    {
        public CallCount Worst => Counts.MaxBy(c => (c.Total, c.Writes))!;

        public bool Met => Counts.All(Operation.Target.Allows);
    }
}

/// <summary>The issue's target for one operation: at most so many calls, of which at most so many writes.</summary>
internal sealed record CallTarget(int MaxCalls, int MaxWrites)
{
    public bool Allows(CallCount count) => count.Total <= MaxCalls && count.Writes <= MaxWrites;

    public override string ToString() => MaxWrites == 0 ? $"<= {MaxCalls}R, 0W" : $"<= {MaxCalls}";
}

/// <summary>Upstream's calls for the same operation (bench/README.md says how they were counted); the split where known.</summary>
internal sealed record UpstreamCount(int Total, string? Shape)
{
    public override string ToString() => Shape is null ? $"{Total}" : $"{Total} = {Shape}";
}

/// <summary>
/// One Service operation of the budget: <see cref="PrepareAsync"/> brings a fresh Service to where the operation starts
/// (uncounted), <see cref="ActAsync"/> makes the change and runs the one turn that is counted.
/// </summary>
internal sealed record ServiceOperation(
    string Key, string Title, CallTarget Target, UpstreamCount Upstream,
    Func<ServiceBudgetRun, string, CancellationToken, Task> PrepareAsync, Func<ServiceBudgetRun, string, CancellationToken, Task> ActAsync, int? ListenersAfter)
{
    /// <exception cref="InvalidOperationException">The turn did not do the operation's work (its count would flatter).</exception>
    public async Task<CallCount> MeasureAsync(ServiceBudgetRun run, string name, CancellationToken cancellationToken)
    {
        await PrepareAsync(run, name, cancellationToken);
        run.StartCounting();
        await ActAsync(run, name, cancellationToken);
        var count = run.Count();
        var listeners = run.ListenersOf(name);
        return listeners == ListenersAfter ? count
            : throw new InvalidOperationException($"{Key} on {name}: expected {ListenersAfter?.ToString(CultureInfo.InvariantCulture) ?? "the Service gone"}, "
                + $"found {listeners?.ToString(CultureInfo.InvariantCulture) ?? "the Service gone"} listeners after the turn (calls: {string.Join(", ", count.Actions)})");
    }
}

/// <summary>The operations the issue budgets, each as the watcher would present it to the Service grain.</summary>
internal static class ServiceOperations
{
    public static IReadOnlyList<ServiceOperation> All { get; } =
    [
        new("create", "create (2 ports, 3 nodes)", new CallTarget(8, int.MaxValue), new UpstreamCount(12, "4R+8W"),
            (run, name, ct) => run.CreateAsync(Service(name, "Cluster", 2), ct),
            (run, name, ct) => run.TurnAsync(name, ct), ListenersAfter: 2),
        new("unchanged", "unchanged (resync, nothing drifted)", new CallTarget(4, 0), new UpstreamCount(5, "5R"),
            async (run, name, ct) =>
            {
                await run.CreateAsync(Service(name, "Cluster", 2), ct);
                await run.TurnAsync(name, ct);
            },
            (run, name, ct) => run.TurnAsync(name, ct), ListenersAfter: 2),
        new("add-port", "add a port (Local, with a selector)", new CallTarget(6, int.MaxValue), new UpstreamCount(10, null),
            async (run, name, ct) =>
            {
                await run.CreateAsync(Service(name, "Local", 1), ct);
                run.PutSlice(name, Slice(name, 1));
                await run.TurnAsync(name, ct);
            },
            async (run, name, ct) =>
            {
                await run.ReplaceAsync(name, s => WithPorts(s, 2), ct);
                run.PutSlice(name, Slice(name, 2));
                await run.TurnAsync(name, ct);
            }, ListenersAfter: 2),
        new("delete", "delete (2 ports)", new CallTarget(4, int.MaxValue), new UpstreamCount(8, null),
            async (run, name, ct) =>
            {
                await run.CreateAsync(Service(name, "Cluster", 2), ct);
                await run.TurnAsync(name, ct);
            },
            async (run, name, ct) =>
            {
                await run.DeleteAsync(name, ct);
                await run.TurnAsync(name, ct);
            }, ListenersAfter: null),
    ];

    private static readonly (string Name, int Port, int TargetPort)[] Ports = [("http", 80, 8080), ("https", 443, 8443)];

    private static V1Service Service(string name, string trafficPolicy, int ports) => WithPorts(new V1Service
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default" },
        Spec = new V1ServiceSpec
        {
            Type = "LoadBalancer", ExternalTrafficPolicy = trafficPolicy, Selector = new Dictionary<string, string> { ["app"] = name },
        },
    }, ports);

    private static V1Service WithPorts(V1Service service, int ports)
    {
        service.Spec.Ports = [.. Ports.Take(ports).Select(p =>
            service.Spec.Ports?.FirstOrDefault(existing => existing.Name == p.Name)
            ?? new V1ServicePort { Name = p.Name, Protocol = "TCP", Port = p.Port, TargetPort = p.TargetPort })];
        return service;
    }

    /// <summary>One ready endpoint on the first demo node, serving the Service's first <paramref name="ports"/> ports.</summary>
    private static V1EndpointSlice Slice(string service, int ports) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = $"{service}-slice", NamespaceProperty = "default", Labels = new Dictionary<string, string> { ["kubernetes.io/service-name"] = service },
        },
        AddressType = "IPv4",
        Ports = [.. Ports.Take(ports).Select(p => new Discoveryv1EndpointPort { Name = p.Name, Port = p.TargetPort, Protocol = "TCP" })],
        Endpoints = [new V1Endpoint { Addresses = ["172.20.0.5"], NodeName = Sandbox.Demo.DemoWorld.Nodes[0].Name, Conditions = new V1EndpointConditions { Ready = true } }],
    };
}
