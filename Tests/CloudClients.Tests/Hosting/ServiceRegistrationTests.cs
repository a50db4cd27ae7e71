using Ccm.CloudClients.Credentials;
using Ccm.CloudClients.Endpoints;
using Ccm.CloudClients.Hosting;
using Ccm.CloudClients.Observability;
using Ccm.CloudClients.Slb;
using Ccm.CloudClients.Tests.Fakes;
using Ccm.CloudClients.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ccm.CloudClients.Tests.Hosting;

public class ServiceRegistrationTests
{
    [Fact]
    public async Task The_silo_registration_binds_options_and_uses_the_injected_environment()
    {
        var handler = new RecordingHandler((_, _) => RecordingHandler.Ok("""{"RequestId":"r","PageNumber":1,"PageSize":100,"TotalCount":0,"LoadBalancers":{"LoadBalancer":[]}}"""));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CloudClients:RegionId"] = "cn-shanghai",
            ["CloudClients:SignatureVersion"] = "V2",
            ["CloudClients:Timeout"] = "00:00:05",
            ["CloudClients:RateLimits:SLB:PermitsPerSecond"] = "50",
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton(CloudEnvironment.Empty
                .With(CloudEnvironment.SlbEndpoint, "127.0.0.1:18080").With(CloudEnvironment.ClientScheme, "HTTP")
                .With(CloudEnvironment.AccessKeyId, "LTAIfromEnvironment").With(CloudEnvironment.AccessKeySecret, "env-secret"))
            .AddAliyunCloudClients(configuration.GetSection(CloudClientOptions.SectionName), _ => handler);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<ISlbClient>().DescribeLoadBalancersAsync(new DescribeLoadBalancersRequest(), default).ToListAsync();

        var request = Assert.Single(handler.Requests);
        Assert.Equal("http://127.0.0.1:18080/", request.Uri.GetLeftPart(UriPartial.Authority) + "/");
        Assert.Equal(("cn-shanghai", "LTAIfromEnvironment"), (request.Query["RegionId"], request.Query["AccessKeyId"]));
        Assert.Equal(CredentialSource.Environment, provider.GetRequiredService<ICredentialProvider>().Source);
        Assert.Equal(50, provider.GetRequiredService<CloudClientOptions>().RateLimits["SLB"].PermitsPerSecond);
        Assert.Equal("DescribeLoadBalancers", Assert.Single(provider.GetRequiredService<CloudCallRecorder>().Snapshot()).Action);
    }

    [Fact]
    public async Task Read_only_mode_from_configuration_reaches_every_client()
    {
        var handler = new RecordingHandler((_, _) => RecordingHandler.Ok());
        await using var provider = new ServiceCollection()
            .AddSingleton(CloudEnvironment.Empty.With(CloudEnvironment.AccessKeyId, "LTAIx").With(CloudEnvironment.AccessKeySecret, "s"))
            .AddAliyunCloudClients(o => { o.RegionId = "cn-hangzhou"; o.ReadOnly = true; }, _ => handler)
            .BuildServiceProvider();

        await Assert.ThrowsAsync<ReadOnlyModeException>(() => provider.GetRequiredService<Vpc.IVpcClient>().DeleteRouteEntryAsync(new Vpc.DeleteRouteEntryRequest { RouteEntryId = "rte" }, default));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task A_missing_region_is_a_clear_error()
    {
        await using var provider = new ServiceCollection()
            .AddSingleton(CloudEnvironment.Empty.With(CloudEnvironment.AccessKeyId, "LTAIx").With(CloudEnvironment.AccessKeySecret, "s"))
            .AddAliyunCloudClients(_ => { })
            .BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ISlbClient>());
        Assert.Contains("RegionId", ex.Message);
    }
}
