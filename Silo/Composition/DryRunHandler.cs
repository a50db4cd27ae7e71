using Ccm.Kube.Http;

namespace Ccm.Silo.Composition;

/// <summary>
/// <c>--dry-run</c>'s safety net under the grains' own checks: every write the Kubernetes client would send is refused
/// with <see cref="DryRunWriteException"/> before it leaves the process, except the silo's own bookkeeping (Leases and
/// ConfigMaps in <c>--leader-elect-resource-namespace</c>: membership and reminders). Reads pass.
/// </summary>
public sealed class DryRunHandler(string bookkeepingNamespace) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = request.RequestUri is { } uri ? KubeRequestPath.Classify(request.Method, uri) : null;
        return call is null || call.Verb is "get" or "list" or "watch" || IsBookkeeping(call)
            ? base.SendAsync(request, cancellationToken)
            : Task.FromException<HttpResponseMessage>(new DryRunWriteException($"dry run: the request to {call.Verb} {call.RbacResource} {Name(call)} was not sent"));
    }

    private bool IsBookkeeping(KubeCall call) =>
        call.Resource is "leases" or "configmaps" && call.Namespace == bookkeepingNamespace;

    private static string Name(KubeCall call) => string.IsNullOrEmpty(call.Namespace) ? call.Name ?? "" : $"{call.Namespace}/{call.Name}";
}

/// <summary>A write refused because the silo runs with <c>--dry-run</c>.</summary>
public sealed class DryRunWriteException : InvalidOperationException
{
    public DryRunWriteException(string message)
        : base(message)
    {
    }

    public DryRunWriteException()
    {
    }

    public DryRunWriteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
