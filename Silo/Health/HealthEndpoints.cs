using System.Text;
using Ccm.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ccm.Silo.Health;

/// <summary>
/// <c>/healthz</c> (and <c>/livez</c>): liveness. <c>/readyz</c>: readiness, the conjunction of the registered checks,
/// and not ready while the silo shuts down. Both list what they checked, as Kubernetes components do: text by default,
/// JSON with <c>?format=json</c> or <c>Accept: application/json</c>. Failure is HTTP 503.
/// </summary>
public static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", Liveness);
        routes.MapGet("/livez", Liveness);
        routes.MapGet("/readyz", ReadinessAsync);
    }

    private static IResult Liveness(HttpContext context, LivenessMonitor monitor)
    {
        var loops = monitor.Evaluate();
        var live = loops.All(l => l.Ready);
        var reason = loops.IsEmpty ? "the process is serving; no loop has registered a heartbeat" : null;
        return Render(context, "healthz", new HealthBody(live ? "ok" : "failed", reason, loops));
    }

    private static async Task<IResult> ReadinessAsync(HttpContext context, ReadinessRegistry registry, IHostApplicationLifetime lifetime, ShutdownCoordinator shutdown)
    {
        // A SIGTERM fires ApplicationStopping first; a programmatic stop starts the coordinator first.
        if (lifetime.ApplicationStopping.IsCancellationRequested || shutdown.IsStopping)
        {
            return Render(context, "readyz", new HealthBody("failed", "shutting down", []));
        }

        var report = await registry.EvaluateAsync(context.RequestAborted);
        return Render(context, "readyz", new HealthBody(report.Ready ? "ok" : "failed", report.Reason, report.Checks));
    }

    private static IResult Render(HttpContext context, string probe, HealthBody body)
    {
        var status = body.Status == "ok" ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        if (WantsJson(context.Request))
        {
            return Results.Json(body, HealthJsonContext.Default.HealthBody, statusCode: status);
        }

        var text = new StringBuilder();
        foreach (var check in body.Checks)
        {
            text.Append(check.Ready ? "[+] " : "[-] ").Append(check.Name).Append(": ").AppendLine(check.Detail);
        }

        if (body.Reason is not null)
        {
            text.AppendLine(body.Reason);
        }

        text.Append(probe).AppendLine(body.Status == "ok" ? " check passed" : " check failed");
        return Results.Text(text.ToString(), "text/plain; charset=utf-8", Encoding.UTF8, status);
    }

    private static bool WantsJson(HttpRequest request) =>
        request.Query["format"] == "json" || request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);
}
