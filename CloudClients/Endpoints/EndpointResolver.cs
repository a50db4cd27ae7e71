using System.Collections.Frozen;

namespace Ccm.CloudClients.Endpoints;

/// <summary>
/// Where a product's API lives (reference aliyun-api.md §3). Order: the product's override variable
/// (<c>SLB_ENDPOINT</c>, ...; a host, host:port, or a URL), then VPC-internal or public hosts. The scheme is HTTPS
/// unless <c>ALICLOUD_CLIENT_SCHEME=HTTP</c> (or the override is a URL with its own scheme).
/// </summary>
public static class EndpointResolver
{
    // SLB's endpoint map sends these regions to the central host (S5 client.go Init). The list in the reference
    // ends "and others"; a region missing here falls back to the regional host, which also serves the API.
    private static readonly FrozenSet<string> SlbCentralRegions = FrozenSet.ToFrozenSet(
    [
        "cn-hangzhou", "cn-beijing", "cn-shanghai", "cn-shenzhen", "cn-qingdao", "cn-hongkong",
        "ap-southeast-1", "us-east-1", "us-west-1",
    ], StringComparer.Ordinal);

    public static Uri Resolve(CloudProduct product, string regionId, NetworkType network, CloudEnvironment environment)
    {
        ArgumentException.ThrowIfNullOrEmpty(regionId);
        var scheme = SchemeFrom(environment);
        if (environment.Get(product.EndpointVariable) is { } overrideValue)
        {
            return FromOverride(overrideValue, scheme);
        }

        var host = network == NetworkType.Vpc
            ? $"{product.EndpointCode}-vpc.{regionId}.aliyuncs.com" // the endpoint map is ignored for VPC hosts
            : PublicHost(product, regionId);
        return new Uri($"{scheme}://{host}/");
    }

    /// <summary>The public host, with the endpoint-map exceptions.</summary>
    public static string PublicHost(CloudProduct product, string regionId) => product.EndpointCode switch
    {
        "slb" when SlbCentralRegions.Contains(regionId) => "slb.aliyuncs.com",
        "vpc" when regionId == "cn-hangzhou" => "vpc.aliyuncs.com",
        "ecs" when regionId == "cn-hangzhou" => "ecs-cn-hangzhou.aliyuncs.com",
        _ => $"{product.EndpointCode}.{regionId}.aliyuncs.com",
    };

    private static string SchemeFrom(CloudEnvironment environment) =>
        string.Equals(environment.Get(CloudEnvironment.ClientScheme), "HTTP", StringComparison.OrdinalIgnoreCase) ? "http" : "https";

    private static Uri FromOverride(string value, string scheme)
    {
        var text = value.Contains("://", StringComparison.Ordinal) ? value : $"{scheme}://{value}";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"endpoint override '{value}' is not a host, host:port or http(s) URL");
        }

        // RPC-style APIs are always called at "/"; a path in the override would change what is signed.
        return new Uri($"{uri.Scheme}://{uri.Authority}/");
    }
}
