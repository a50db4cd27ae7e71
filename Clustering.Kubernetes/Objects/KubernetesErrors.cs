using System.Net;
using k8s.Autorest;

namespace Ccm.Clustering.Kubernetes.Objects;

/// <summary>
/// The API server's answers that are part of the tables' protocol rather than failures. Everything else (5xx, 401/403,
/// timeouts, transport errors) is left to propagate: Orleans retries table calls that throw.
/// </summary>
internal static class KubernetesErrors
{
    /// <summary>404: the object is absent (a table not yet created, a Lease never written, a racing delete).</summary>
    public static bool IsNotFound(Exception exception) => StatusOf(exception) == HttpStatusCode.NotFound;

    /// <summary>
    /// 409: a PUT or DELETE whose resourceVersion precondition is stale (<c>Conflict</c>), or a create of a name that
    /// exists (<c>AlreadyExists</c>). Both mean another writer got there first.
    /// </summary>
    public static bool IsConflict(Exception exception) => StatusOf(exception) == HttpStatusCode.Conflict;

    private static HttpStatusCode? StatusOf(Exception exception) =>
        exception is HttpOperationException { Response: { } response } ? response.StatusCode : null;
}
