namespace Ccm.CloudClients.Endpoints;

/// <summary>An OpenAPI product the CCM calls: its endpoint code, API version and override variable.</summary>
public sealed record CloudProduct(string Name, string EndpointCode, string Version, string EndpointVariable)
{
    /// <summary>Classic Load Balancer; the API still calls it SLB.</summary>
    public static readonly CloudProduct Slb = new("SLB", "slb", "2014-05-15", CloudEnvironment.SlbEndpoint);

    public static readonly CloudProduct Vpc = new("VPC", "vpc", "2016-04-28", CloudEnvironment.VpcEndpoint);

    public static readonly CloudProduct Ecs = new("ECS", "ecs", "2014-05-26", CloudEnvironment.EcsEndpoint);

    public static IReadOnlyList<CloudProduct> All { get; } = [Slb, Vpc, Ecs];

    public override string ToString() => Name;
}

/// <summary>Which endpoints to use (<c>--network</c>): VPC-internal hosts by default, as upstream.</summary>
public enum NetworkType
{
    /// <summary><c>&lt;product&gt;-vpc.&lt;region&gt;.aliyuncs.com</c>: reachable from inside the VPC without internet access.</summary>
    Vpc,

    /// <summary>Public hosts, with the central-endpoint exceptions of the SDKs' endpoint maps.</summary>
    Public,
}
