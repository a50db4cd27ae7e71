using System.Net;
using Ccm.Sandbox.Aliyun.Control;
using Ccm.Sandbox.Aliyun.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ccm.Sandbox.Aliyun.Hosting;

/// <summary>Builds the Kestrel app: one loopback endpoint, routes for the OpenAPI, the metadata service and the control API.</summary>
internal static class EmulatorApp
{
    public static WebApplication Build(IPEndPoint endpoint, AliyunEmulatorOptions options, EmulatorServices services)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(endpoint);
            kestrel.AddServerHeader = false;
            // SDKs put every parameter in the query: 50 route entries or 40 backends' JSON exceed Kestrel's 8 KiB default.
            kestrel.Limits.MaxRequestLineSize = 256 * 1024;
            kestrel.Limits.MaxRequestHeadersTotalSize = 288 * 1024;
        });
        builder.Logging.ClearProviders();
        var loggerFactory = new QuietFrameworkLoggerFactory(options.LoggerFactory ?? NullLoggerFactory.Instance);
        builder.Services.AddSingleton<ILoggerFactory>(loggerFactory);
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();

        var app = builder.Build();
        var openApi = new OpenApiEndpoint(services.Actions, services.Verifier, services.Store, services.Faults, services.Calls,
            services.Settings, loggerFactory.CreateLogger("Ccm.Sandbox.Aliyun.OpenApi"));
        var metadata = new MetadataEndpoint(services.Store, services.MetadataTokens, services.Sts, services.Settings, options.RamRoleName);

        app.MapMethods("/", [HttpMethods.Get, HttpMethods.Post], openApi.HandleAsync);
        app.MapPut("/latest/api/token", metadata.PutTokenAsync);
        app.MapGet("/latest/meta-data/{**path}", (HttpContext http, string? path) => metadata.GetAsync(http, path ?? ""));
        ControlEndpoints.Map(app, services.Faults, services.Calls, services.Cloud, () =>
        {
            services.Faults.Clear();
            services.Calls.Clear();
            services.Cloud.Reset();
        });
        return app;
    }
}
