using System.Security.Cryptography;
using System.Text;
using Ccm.Sandbox.Kube.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Ccm.Sandbox.Kube.Hosting;

/// <summary>
/// Authentication as an API server with one static bearer token does it (<c>--token-auth-file</c>), with anonymous
/// access limited to the paths the default RBAC grants <c>system:unauthenticated</c> (the
/// <c>system:public-info-viewer</c> ClusterRole: GET <c>/livez</c>, <c>/readyz</c>, <c>/healthz</c>, <c>/version</c>,
/// <c>/version/</c>), as an <c>AuthenticationConfiguration</c> with anonymous conditions on those paths does. Anything
/// else without the token, and every request with a wrong one (a presented token that fails is never anonymous), gets
/// the API server's 401: a <c>kind: Status</c> with reason <c>Unauthorized</c>.
/// </summary>
internal sealed class BearerTokenGate(string token, ILogger logger)
{
    private static readonly HashSet<string> PublicInfoPaths = ["/livez", "/readyz", "/healthz", "/version", "/version/"];

    private readonly byte[] expected = Encoding.UTF8.GetBytes(token);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.Length == 0 && IsPublicInfo(context.Request))
        {
            await next(context);
            return;
        }

        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && Matches(header.AsSpan("Bearer ".Length).Trim()))
        {
            await next(context);
            return;
        }

        // The reason goes to the log, the token never does; the client gets the API server's bare "Unauthorized".
        logger.LogDebug("{Method} {Path} -> 401: {Why}", context.Request.Method, context.Request.Path,
            header.Length == 0 ? "no credentials" : "credentials not accepted");
        await HttpBodies.WriteStatusAsync(context.Response, new KubeApiException(401, "Unauthorized", "Unauthorized"), context.RequestAborted);
    }

    private static bool IsPublicInfo(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && PublicInfoPaths.Contains(request.Path.Value ?? "");

    private bool Matches(ReadOnlySpan<char> presented)
    {
        var bytes = Encoding.UTF8.GetBytes(presented.ToArray());
        return CryptographicOperations.FixedTimeEquals(bytes, expected);
    }
}
