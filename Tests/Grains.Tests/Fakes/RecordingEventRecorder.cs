using System.Collections.Concurrent;
using Ccm.Grains.Events;
using Ccm.Kube.Models;

namespace Ccm.Grains.Tests.Fakes;

/// <summary>An <see cref="IEventRecorder"/> that keeps what it was asked to record.</summary>
public sealed class RecordingEventRecorder : IEventRecorder
{
    private readonly ConcurrentQueue<RecordedEvent> events = new();

    public IReadOnlyList<RecordedEvent> Events => [.. events];

    public void Record(ObjectReference regarding, EventSeverity severity, string reason, string message) =>
        events.Enqueue(new RecordedEvent(regarding, severity, reason, message));

    public IReadOnlyList<RecordedEvent> Warnings => [.. events.Where(e => e.Severity == EventSeverity.Warning)];
}

public sealed record RecordedEvent(ObjectReference Regarding, EventSeverity Severity, string Reason, string Message);
