using Ccm.CloudClients.Ecs;
using Ccm.CloudClients.Endpoints;
using Ccm.CloudClients.Hosting;
using Ccm.Sandbox.Aliyun;
using Ccm.Sandbox.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Ccm.Grains.Tests.Nodes.Support;

/// <summary>The real cloud clients pointed at an in-process OpenAPI emulator, as the silo's sandbox mode wires them.</summary>
internal static class EmulatedCloud
{
    public const string AccessKeyId = "LTAI5tNodeGrainTests01";
    public const string AccessKeySecret = "node-grain-secret-MUST-NOT-LEAK-1b2c";

    public static AliyunEmulatorOptions Options(SeedKind seed = SeedKind.Demo) =>
        new() { AccessKeyId = AccessKeyId, AccessKeySecret = AccessKeySecret, Seed = seed };

    public static IServiceCollection AddEmulatedCloudClients(this IServiceCollection services, AliyunEmulator cloud)
    {
        var endpoint = cloud.BaseAddress.Authority;
        return services
            .AddSingleton(CloudEnvironment.Empty.With(CloudEnvironment.EcsEndpoint, endpoint).With(CloudEnvironment.ClientScheme, "HTTP")
                .With(CloudEnvironment.AccessKeyId, AccessKeyId).With(CloudEnvironment.AccessKeySecret, AccessKeySecret))
            .AddAliyunCloudClients(o =>
            {
                o.RegionId = DemoWorld.RegionId;
                o.MaxAttempts = 2; // a failed batch should fail fast: the grains' own retry is under test
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
                o.RateLimits.Values.ToList().ForEach(l => l.PermitsPerSecond = 0);
            });
    }

    /// <summary>An ECS client of its own container (dispose the provider with the test).</summary>
    public static (IEcsClient Ecs, ServiceProvider Provider) EcsClient(AliyunEmulator cloud)
    {
        var provider = new ServiceCollection().AddLogging().AddEmulatedCloudClients(cloud).BuildServiceProvider();
        return (provider.GetRequiredService<IEcsClient>(), provider);
    }
}
