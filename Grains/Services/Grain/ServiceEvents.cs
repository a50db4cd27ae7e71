using Ccm.GrainInterfaces.State;
using Ccm.Grains.Events;
using Ccm.Kube.Client;
using k8s;
using k8s.Models;

namespace Ccm.Grains.Services;

/// <summary>
/// The Events a Service grain emits (upstream's reasons, so existing alerts keep working), recorded both on the
/// Service and in the grain's published state.
/// </summary>
public sealed class ServiceEvents(IEventRecorder recorder, TimeProvider time)
{
    public const string Ensuring = "EnsuringLoadBalancer";
    public const string Ensured = "EnsuredLoadBalancer";
    public const string Failed = "SyncLoadBalancerFailed";
    public const string Deleting = "DeletingLoadBalancer";
    public const string Deleted = "DeletedLoadBalancer";

    /// <summary>A pod's readiness gate could not be set (<see cref="ReadinessGate"/>).</summary>
    public const string GateFailed = "FailedUpdateReadinessGate";

    /// <summary>A listener port left alone because someone else's listener holds it, or pod IPs that cannot be members.</summary>
    public const string Skipped = "SkippedLoadBalancerResource";

    public void Normal(V1Service service, ServiceMemory memory, string reason, string message) =>
        Record(service, memory, EventSeverity.Normal, reason, message);

    public void Warning(V1Service service, ServiceMemory memory, string reason, string message) =>
        Record(service, memory, EventSeverity.Warning, reason, message);

    private void Record(V1Service service, ServiceMemory memory, EventSeverity severity, string reason, string message)
    {
        recorder.Record(ObjectReferences.For(service), severity, reason, message);
        memory.Remember(new GrainEventRecord(time.GetUtcNow(), severity == EventSeverity.Warning, reason, message));
    }
}
