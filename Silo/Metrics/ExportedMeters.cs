namespace Ccm.Silo.Metrics;

/// <summary>The meters <c>/metrics</c> exports, by name (a trailing <c>*</c> matches a prefix).</summary>
public static class ExportedMeters
{
    /// <summary>
    /// Ours (<c>Ccm.CloudClients</c>, <c>Ccm.Kube</c>, <c>Ccm.Grains.*</c>, <c>Ccm.Silo</c>, and the upstream-named
    /// instruments of <c>Ccm.Grains.Observability</c>), Orleans' runtime, and the shared framework's own meters for the
    /// process, HTTP serving and Kestrel: these cost nothing to add (no instrumentation package, no per-request work
    /// beyond what ASP.NET Core already does) and their labels are route templates, methods and status codes.
    /// </summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "Ccm.*",
        "Microsoft.Orleans",
        "System.Runtime",
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
    ];
}
