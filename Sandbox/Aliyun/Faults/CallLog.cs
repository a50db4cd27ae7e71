using System.Collections.Concurrent;

namespace Ccm.Sandbox.Aliyun.Faults;

/// <summary>
/// The most recent OpenAPI calls (the last <see cref="Capacity"/>), a count per action of every call and a count per
/// injected fault since the last <see cref="Clear"/>, whatever the outcome. Appending is lock-free.
/// </summary>
public sealed class CallLog
{
    public const int Capacity = 10_000;

    private readonly ConcurrentQueue<CallRecord> entries = new();
    private readonly ConcurrentDictionary<string, long> counts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> faults = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Action, string Fault), long> actionFaults = new();

    // Tracked here because ConcurrentQueue.Count takes a lock once the queue spans segments.
    private int size;

    public IReadOnlyList<CallRecord> Entries => [.. entries];

    public IReadOnlyDictionary<string, long> Counts => counts.ToDictionary(StringComparer.Ordinal);

    public long CountOf(string action) => counts.GetValueOrDefault(action);

    /// <summary>How many calls each injected fault (<see cref="CallRecord.Fault"/>) hit since the last <see cref="Clear"/>.</summary>
    public IReadOnlyDictionary<string, long> FaultCounts => faults.ToDictionary(StringComparer.Ordinal);

    /// <summary>How many calls of <paramref name="action"/> the fault <paramref name="fault"/> hit since the last <see cref="Clear"/>.</summary>
    public long FaultCountOf(string action, string fault) => actionFaults.GetValueOrDefault((action, fault));

    public IReadOnlyList<CallRecord> Of(string action) => [.. entries.Where(e => e.Action == action)];

    public void Clear()
    {
        while (entries.TryDequeue(out _))
        {
            Interlocked.Decrement(ref size);
        }

        counts.Clear();
        faults.Clear();
        actionFaults.Clear();
    }

    internal void Add(CallRecord record)
    {
        counts.AddOrUpdate(record.Action, 1, (_, n) => n + 1);
        if (record.Fault is { } fault)
        {
            faults.AddOrUpdate(fault, 1, (_, n) => n + 1);
            actionFaults.AddOrUpdate((record.Action, fault), 1, (_, n) => n + 1);
        }

        entries.Enqueue(record);
        if (Interlocked.Increment(ref size) > Capacity && entries.TryDequeue(out _))
        {
            Interlocked.Decrement(ref size);
        }
    }
}
