using System.Collections.Concurrent;
using Ccm.Grains.Events;
using k8s.Models;

namespace Ccm.Grains.Tests.Fakes;

/// <summary>An <see cref="IEventRecorder"/> that keeps what it was asked to record.</summary>
public sealed class RecordingEventRecorder : IEventRecorder
{
    private readonly ConcurrentQueue<RecordedEvent> events = new();

    public IReadOnlyList<RecordedEvent> Events => [.. events];

    /// <summary>Runs on every Event recorded: lets a test plant a misbehaving code path in the middle of a turn.</summary>
    public Action<V1ObjectReference>? OnRecord { get; set; }

    public void Record(V1ObjectReference regarding, EventSeverity severity, string reason, string message)
    {
        events.Enqueue(new RecordedEvent(regarding, severity, reason, message));
        OnRecord?.Invoke(regarding);
    }

    public IReadOnlyList<RecordedEvent> Warnings => [.. events.Where(e => e.Severity == EventSeverity.Warning)];
}

public sealed record RecordedEvent(V1ObjectReference Regarding, EventSeverity Severity, string Reason, string Message);
