using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Slb;

/// <summary>
/// Classic Load Balancer (API "SLB" 2014-05-15): the actions the CCM needs, names as the API spells them. Paged
/// actions return <see cref="IAsyncEnumerable{T}"/> and fetch pages as they are consumed. Every method throws
/// <see cref="OpenApiException"/> on a service error and <see cref="ReadOnlyModeException"/> for writes in
/// read-only mode.
/// </summary>
public interface ISlbClient
{
    /// <summary>Idempotent by <c>ClientToken</c>: a retry returns the load balancer the first attempt created.</summary>
    Task<CreateLoadBalancerResponse> CreateLoadBalancerAsync(CreateLoadBalancerRequest request, CancellationToken cancellationToken);

    /// <summary>Also deletes its listeners and tags. Fails while delete protection is on.</summary>
    Task<OpenApiResponse> DeleteLoadBalancerAsync(string loadBalancerId, CancellationToken cancellationToken);

    IAsyncEnumerable<LoadBalancer> DescribeLoadBalancersAsync(DescribeLoadBalancersRequest request, CancellationToken cancellationToken);

    Task<DescribeLoadBalancerAttributeResponse> DescribeLoadBalancerAttributeAsync(string loadBalancerId, CancellationToken cancellationToken);

    Task<OpenApiResponse> SetLoadBalancerDeleteProtectionAsync(SetLoadBalancerDeleteProtectionRequest request, CancellationToken cancellationToken);

    Task<OpenApiResponse> SetLoadBalancerModificationProtectionAsync(SetLoadBalancerModificationProtectionRequest request, CancellationToken cancellationToken);

    Task<OpenApiResponse> SetLoadBalancerNameAsync(SetLoadBalancerNameRequest request, CancellationToken cancellationToken);

    Task<ModifyLoadBalancerSpecResponse> ModifyLoadBalancerInternetSpecAsync(ModifyLoadBalancerInternetSpecRequest request, CancellationToken cancellationToken);

    Task<ModifyLoadBalancerSpecResponse> ModifyLoadBalancerInstanceSpecAsync(ModifyLoadBalancerInstanceSpecRequest request, CancellationToken cancellationToken);

    /// <summary>PayBySpec to PayByCLCU (the documented direction); the CLB then has no spec. Answers only a RequestId.</summary>
    Task<OpenApiResponse> ModifyLoadBalancerInstanceChargeTypeAsync(ModifyLoadBalancerInstanceChargeTypeRequest request, CancellationToken cancellationToken);

    /// <summary>Creates the listener <b>stopped</b>; start it with <see cref="StartLoadBalancerListenerAsync"/>.</summary>
    Task<OpenApiResponse> CreateLoadBalancerTCPListenerAsync(CreateLoadBalancerTCPListenerRequest request, CancellationToken cancellationToken);

    Task<OpenApiResponse> CreateLoadBalancerUDPListenerAsync(CreateLoadBalancerUDPListenerRequest request, CancellationToken cancellationToken);

    Task<OpenApiResponse> CreateLoadBalancerHTTPListenerAsync(CreateLoadBalancerHTTPListenerRequest request, CancellationToken cancellationToken);

    Task<OpenApiResponse> CreateLoadBalancerHTTPSListenerAsync(CreateLoadBalancerHTTPSListenerRequest request, CancellationToken cancellationToken);

    Task<OpenApiResponse> SetLoadBalancerTCPListenerAttributeAsync(SetLoadBalancerTCPListenerAttributeRequest request, CancellationToken cancellationToken);

    Task<OpenApiResponse> SetLoadBalancerUDPListenerAttributeAsync(SetLoadBalancerUDPListenerAttributeRequest request, CancellationToken cancellationToken);

    Task<OpenApiResponse> SetLoadBalancerHTTPListenerAttributeAsync(SetLoadBalancerHTTPListenerAttributeRequest request, CancellationToken cancellationToken);

    Task<OpenApiResponse> SetLoadBalancerHTTPSListenerAttributeAsync(SetLoadBalancerHTTPSListenerAttributeRequest request, CancellationToken cancellationToken);

    Task<OpenApiResponse> StartLoadBalancerListenerAsync(ListenerKey listener, CancellationToken cancellationToken);

    Task<OpenApiResponse> StopLoadBalancerListenerAsync(ListenerKey listener, CancellationToken cancellationToken);

    Task<OpenApiResponse> DeleteLoadBalancerListenerAsync(ListenerKey listener, CancellationToken cancellationToken);

    IAsyncEnumerable<Listener> DescribeLoadBalancerListenersAsync(DescribeLoadBalancerListenersRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Adds an SNI domain to an existing HTTPS listener. Not idempotent: a repeat answers an error for the domain the
    /// first attempt added, so list before retrying. A missing or non-HTTPS listener answers "The specified resource does not exist".
    /// </summary>
    Task<CreateDomainExtensionResponse> CreateDomainExtensionAsync(CreateDomainExtensionRequest request, CancellationToken cancellationToken);

    /// <summary>A repeat answers <c>InvalidParameter.DomainExtensionId</c>, which callers treat as already gone.</summary>
    Task<OpenApiResponse> DeleteDomainExtensionAsync(string domainExtensionId, CancellationToken cancellationToken);

    Task<IReadOnlyList<DomainExtension>> DescribeDomainExtensionsAsync(DescribeDomainExtensionsRequest request, CancellationToken cancellationToken);

    Task<OpenApiResponse> SetDomainExtensionAttributeAsync(SetDomainExtensionAttributeRequest request, CancellationToken cancellationToken);

    /// <summary>Not idempotent (no ClientToken): after a failure whose outcome is unknown, look the group up by name first.</summary>
    Task<VServerGroupAttributeResponse> CreateVServerGroupAsync(CreateVServerGroupRequest request, CancellationToken cancellationToken);

    Task<IReadOnlyList<VServerGroup>> DescribeVServerGroupsAsync(DescribeVServerGroupsRequest request, CancellationToken cancellationToken);

    Task<VServerGroupAttributeResponse> DescribeVServerGroupAttributeAsync(string vServerGroupId, CancellationToken cancellationToken);

    /// <summary>At most 20 members per call (documented); see <see cref="SlbClientExtensions.AddVServerGroupBackendServersInBatchesAsync"/>.</summary>
    Task<VServerGroupAttributeResponse> AddVServerGroupBackendServersAsync(VServerGroupBackendServersRequest request, CancellationToken cancellationToken);

    Task<VServerGroupAttributeResponse> RemoveVServerGroupBackendServersAsync(VServerGroupBackendServersRequest request, CancellationToken cancellationToken);

    Task<VServerGroupAttributeResponse> ModifyVServerGroupBackendServersAsync(ModifyVServerGroupBackendServersRequest request, CancellationToken cancellationToken);

    Task<VServerGroupAttributeResponse> SetVServerGroupAttributeAsync(SetVServerGroupAttributeRequest request, CancellationToken cancellationToken);

    /// <summary>Fails with <c>RspoolVipExist</c> while a listener still uses the group.</summary>
    Task<OpenApiResponse> DeleteVServerGroupAsync(string vServerGroupId, CancellationToken cancellationToken);

    Task<OpenApiResponse> AddTagsAsync(LoadBalancerTagsRequest request, CancellationToken cancellationToken);

    Task<OpenApiResponse> RemoveTagsAsync(LoadBalancerTagsRequest request, CancellationToken cancellationToken);

    IAsyncEnumerable<TagSet> DescribeTagsAsync(DescribeTagsRequest request, CancellationToken cancellationToken);

    Task<OpenApiResponse> TagResourcesAsync(TagResourcesRequest request, CancellationToken cancellationToken);

    Task<OpenApiResponse> UntagResourcesAsync(UntagResourcesRequest request, CancellationToken cancellationToken);

    IAsyncEnumerable<TagResource> ListTagResourcesAsync(ListTagResourcesRequest request, CancellationToken cancellationToken);
}
