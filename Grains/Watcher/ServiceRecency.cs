using System.Globalization;
using k8s.Models;

namespace Ccm.Grains.Watcher;

/// <summary>
/// When a Service's backends last changed, as the cluster recorded it: the newest of its own creation and its
/// EndpointSlices' <c>endpoints.kubernetes.io/last-change-trigger-time</c> (which the EndpointSlice controller sets to
/// the time of the pod or Service change that made it rewrite the slice; kube-proxy reads it for its programming
/// latency), or a slice's creation where the annotation is missing or unreadable.
/// </summary>
/// <remarks>
/// A restart cannot tell a change the previous CCM applied from one made while no CCM ran: both look converged. The
/// newest changes are the likeliest to be unapplied, so the start-up re-checks go newest first (in the cloud budget's
/// resync class, behind every real change), and one made since this silo's process started goes as a change. The
/// trigger time is the control plane's clock and the start this node's: skew between them only moves a change from
/// one of those two places to the other.
/// </remarks>
public static class ServiceRecency
{
    public const string TriggerTimeAnnotation = "endpoints.kubernetes.io/last-change-trigger-time";

    public static DateTimeOffset LastChanged(V1Service service, IEnumerable<V1EndpointSlice> slices)
    {
        var newest = At(service.Metadata.CreationTimestamp);
        foreach (var slice in slices)
        {
            var changed = slice.Metadata.Annotations?.TryGetValue(TriggerTimeAnnotation, out var text) == true
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var trigger)
                    ? trigger
                    : At(slice.Metadata.CreationTimestamp);
            newest = changed > newest ? changed : newest;
        }

        return newest;
    }

    private static DateTimeOffset At(DateTime? timestamp) =>
        timestamp is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : DateTimeOffset.MinValue;
}
