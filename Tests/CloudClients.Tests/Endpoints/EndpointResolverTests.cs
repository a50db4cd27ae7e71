using Ccm.CloudClients.Endpoints;

namespace Ccm.CloudClients.Tests.Endpoints;

public class EndpointResolverTests
{
    private static CloudProduct Product(string name) => CloudProduct.All.Single(p => p.Name == name);

    [Theory]
    [InlineData("SLB", "cn-hangzhou", "https://slb-vpc.cn-hangzhou.aliyuncs.com/")]
    [InlineData("VPC", "cn-hangzhou", "https://vpc-vpc.cn-hangzhou.aliyuncs.com/")]
    [InlineData("ECS", "eu-central-1", "https://ecs-vpc.eu-central-1.aliyuncs.com/")]
    public void VPC_network_uses_internal_hosts_and_ignores_the_endpoint_map(string product, string region, string expected) =>
        Assert.Equal(expected, EndpointResolver.Resolve(Product(product), region, NetworkType.Vpc, CloudEnvironment.Empty).ToString());

    [Theory]
    [InlineData("SLB", "cn-hangzhou", "slb.aliyuncs.com")]
    [InlineData("SLB", "ap-southeast-1", "slb.aliyuncs.com")]
    [InlineData("SLB", "eu-central-1", "slb.eu-central-1.aliyuncs.com")]
    [InlineData("VPC", "cn-hangzhou", "vpc.aliyuncs.com")]
    [InlineData("VPC", "cn-beijing", "vpc.cn-beijing.aliyuncs.com")]
    [InlineData("ECS", "cn-hangzhou", "ecs-cn-hangzhou.aliyuncs.com")]
    [InlineData("ECS", "ap-southeast-1", "ecs.ap-southeast-1.aliyuncs.com")]
    public void Public_network_applies_the_endpoint_map_exceptions(string product, string region, string host) =>
        Assert.Equal($"https://{host}/", EndpointResolver.Resolve(Product(product), region, NetworkType.Public, CloudEnvironment.Empty).ToString());

    [Theory]
    [InlineData("127.0.0.1:8123", null, "https://127.0.0.1:8123/")]
    [InlineData("127.0.0.1:8123", "HTTP", "http://127.0.0.1:8123/")]
    [InlineData("slb.example.internal", "http", "http://slb.example.internal/")]
    [InlineData("http://127.0.0.1:9000/ignored/path", null, "http://127.0.0.1:9000/")]
    public void Overrides_take_host_or_url_and_the_scheme_variable(string value, string? scheme, string expected)
    {
        var environment = CloudEnvironment.Empty.With(CloudEnvironment.SlbEndpoint, value);
        environment = scheme is null ? environment : environment.With(CloudEnvironment.ClientScheme, scheme);

        Assert.Equal(expected, EndpointResolver.Resolve(CloudProduct.Slb, "cn-hangzhou", NetworkType.Vpc, environment).ToString());
    }

    [Fact]
    public void An_override_applies_to_its_product_only()
    {
        var environment = CloudEnvironment.Empty.With(CloudEnvironment.EcsEndpoint, "127.0.0.1:1");

        Assert.Equal("https://vpc-vpc.cn-hangzhou.aliyuncs.com/", EndpointResolver.Resolve(CloudProduct.Vpc, "cn-hangzhou", NetworkType.Vpc, environment).ToString());
    }

    [Fact]
    public void A_malformed_override_is_a_clear_error() =>
        Assert.Throws<ArgumentException>(() =>
            EndpointResolver.Resolve(CloudProduct.Slb, "cn-hangzhou", NetworkType.Vpc, CloudEnvironment.Empty.With(CloudEnvironment.SlbEndpoint, "ftp://x")));
}
