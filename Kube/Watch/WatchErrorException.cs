using Ccm.Kube.Models;

namespace Ccm.Kube.Watch;

/// <summary>An ERROR event other than 410 ended a watch; the reflector backs off and resumes.</summary>
internal sealed class WatchErrorException(Status? status)
    : Exception($"watch ERROR event: {status?.Code} {status?.Reason}: {status?.Message}")
{
    public Status? Status => status;
}
