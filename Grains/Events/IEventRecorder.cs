using k8s;
using k8s.Models;

namespace Ccm.Grains.Events;

/// <summary>
/// Writes Kubernetes Events about the objects grains manage, as client-go's recorder does: fire-and-forget, similar
/// events aggregated into a count, a per-object spam filter, retried in the background. In <c>--dry-run</c> nothing
/// is written (the grain's published state still lists the event). Messages must never contain a secret.
/// </summary>
public interface IEventRecorder
{
    /// <summary>Records an Event regarding <paramref name="regarding"/>; returns at once.</summary>
    /// <param name="reason">UpperCamelCase reason, e.g. <c>EnsuredLoadBalancer</c>, <c>SyncLoadBalancerFailed</c>.</param>
    void Record(V1ObjectReference regarding, EventSeverity severity, string reason, string message);
}

public enum EventSeverity
{
    Normal,
    Warning,
}
