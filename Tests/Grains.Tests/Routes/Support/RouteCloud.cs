using Ccm.CloudClients.Endpoints;
using Ccm.CloudClients.Hosting;
using Ccm.CloudClients.Vpc;
using Ccm.Sandbox.Aliyun;
using Ccm.Sandbox.Demo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ccm.Grains.Tests.Routes.Support;

/// <summary>The real VPC client pointed at an in-process OpenAPI emulator, as the silo's sandbox mode wires it.</summary>
internal static class RouteCloud
{
    public const string AccessKeyId = "LTAI5tRouteGrainTests01";
    public const string AccessKeySecret = "route-grain-secret-MUST-NOT-LEAK-7c1d";

    public static Task<AliyunEmulator> StartAsync(TimeSpan? pendingDelay = null, SeedKind seed = SeedKind.Demo) =>
        AliyunEmulator.StartAsync(new AliyunEmulatorOptions
        {
            AccessKeyId = AccessKeyId, AccessKeySecret = AccessKeySecret, Seed = seed,
            RouteEntryPendingDelay = pendingDelay ?? TimeSpan.FromMilliseconds(200),
        });

    public static IServiceCollection AddRouteCloudClients(this IServiceCollection services, AliyunEmulator cloud, int maxAttempts = 6)
    {
        var endpoint = cloud.BaseAddress.Authority;
        return services
            .AddSingleton(CloudEnvironment.Empty.With(CloudEnvironment.VpcEndpoint, endpoint).With(CloudEnvironment.ClientScheme, "HTTP")
                .With(CloudEnvironment.AccessKeyId, AccessKeyId).With(CloudEnvironment.AccessKeySecret, AccessKeySecret))
            .AddAliyunCloudClients(o =>
            {
                o.RegionId = DemoWorld.RegionId;
                o.MaxAttempts = maxAttempts; // enough to ride out TaskConflict while an earlier write settles
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(50);
                o.RetryMaxDelay = TimeSpan.FromMilliseconds(500);
                o.RateLimits.Values.ToList().ForEach(l => l.PermitsPerSecond = 0);
            });
    }

    /// <summary>A VPC client of its own container (dispose the provider with the test).</summary>
    public static (IVpcClient Vpc, ServiceProvider Provider) VpcClient(AliyunEmulator cloud, int maxAttempts = 6)
    {
        var provider = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning)).AddRouteCloudClients(cloud, maxAttempts).BuildServiceProvider();
        return (provider.GetRequiredService<IVpcClient>(), provider);
    }
}
