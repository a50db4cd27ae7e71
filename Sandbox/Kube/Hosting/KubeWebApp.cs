using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ccm.Sandbox.Kube.Hosting;

/// <summary>
/// The emulator's web server: Kestrel on one loopback endpoint, HTTPS with the serving certificate unless plain HTTP
/// was asked for, then the fault hook's latency and refusals, the bearer-token gate and the API.
/// </summary>
internal static class KubeWebApp
{
    public static WebApplication Build(
        IPEndPoint endpoint, RequestDelegate api, KubeFaults faults, ServingCertificates? certificates, string? token, ILoggerFactory loggers)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "Ccm.Sandbox.Kube" });
        builder.Services.AddSingleton(loggers);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
            kestrel.Limits.Http2.MaxStreamsPerConnection = 1000; // kube-apiserver's --http2-max-streams-per-connection
            kestrel.Listen(endpoint, listen =>
            {
                if (certificates is not null)
                {
                    listen.UseHttps(certificates.Server);
                }
            });
        });

        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            var latency = faults.RequestLatency;
            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency, context.RequestAborted);
            }

            if (faults.RefusalFor(context.Request.Method, context.Request.Path.Value ?? "/") is { } refusal)
            {
                await Api.HttpBodies.WriteStatusAsync(context.Response, refusal, context.RequestAborted);
                return;
            }

            await next(context);
        });
        if (token is not null)
        {
            app.Use(new BearerTokenGate(token, loggers.CreateLogger<BearerTokenGate>()).InvokeAsync);
        }

        app.Run(api);
        return app;
    }
}
