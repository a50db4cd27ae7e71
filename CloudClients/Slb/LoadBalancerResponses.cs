using System.Text.Json.Serialization;
using Ccm.CloudClients.Json;
using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Slb;

public sealed record CreateLoadBalancerResponse : OpenApiResponse
{
    public string LoadBalancerId { get; init; } = "";

    public string? Address { get; init; }

    public string? LoadBalancerName { get; init; }

    public string? VpcId { get; init; }

    public string? VSwitchId { get; init; }

    public string? NetworkType { get; init; }

    public string? AddressIPVersion { get; init; }

    public string? ResourceGroupId { get; init; }

    public long? OrderId { get; init; }
}

/// <summary>One page of DescribeLoadBalancers; the client hides paging behind <c>IAsyncEnumerable</c>.</summary>
public sealed record DescribeLoadBalancersResponse : OpenApiResponse
{
    public int PageNumber { get; init; }

    public int PageSize { get; init; }

    public int TotalCount { get; init; }

    [JsonConverter(typeof(WrappedListConverter<LoadBalancer>))]
    public IReadOnlyList<LoadBalancer> LoadBalancers { get; init; } = [];
}

/// <summary>DescribeLoadBalancerAttribute: the load balancer's fields plus its listeners and default backends.</summary>
public sealed record DescribeLoadBalancerAttributeResponse : LoadBalancer, IOpenApiResponse
{
    public string RequestId { get; init; } = "";

    [JsonConverter(typeof(WrappedListConverter<int>))]
    public IReadOnlyList<int> ListenerPorts { get; init; } = [];

    [JsonConverter(typeof(WrappedListConverter<ListenerPortAndProtocol>))]
    public IReadOnlyList<ListenerPortAndProtocol> ListenerPortsAndProtocol { get; init; } = [];

    /// <summary>The API's own misspelling, kept: older services fill only this one.</summary>
    [JsonConverter(typeof(WrappedListConverter<ListenerPortAndProtocal>))]
    public IReadOnlyList<ListenerPortAndProtocal> ListenerPortsAndProtocal { get; init; } = [];

    [JsonConverter(typeof(WrappedListConverter<BackendServer>))]
    public IReadOnlyList<BackendServer> BackendServers { get; init; } = [];
}

public sealed record ListenerPortAndProtocol
{
    public int ListenerPort { get; init; }

    public string? ListenerProtocol { get; init; }

    public string? ListenerForward { get; init; }

    public int? ForwardPort { get; init; }

    public string? Description { get; init; }
}

/// <summary>Spelled <c>Protocal</c> by the API.</summary>
public sealed record ListenerPortAndProtocal
{
    public int ListenerPort { get; init; }

    public string? ListenerProtocal { get; init; }
}

/// <summary>ModifyLoadBalancerInternetSpec / InstanceSpec: an order id when the change is billed.</summary>
public sealed record ModifyLoadBalancerSpecResponse : OpenApiResponse
{
    public long? OrderId { get; init; }
}
