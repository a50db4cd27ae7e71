using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Slb;

public sealed partial class SlbClient
{
    public Task<OpenApiResponse> CreateLoadBalancerTCPListenerAsync(CreateLoadBalancerTCPListenerRequest request, CancellationToken cancellationToken) =>
        Call(SlbActions.CreateLoadBalancerTCPListener, request, Json.OpenApiResponse, cancellationToken);

    public Task<OpenApiResponse> CreateLoadBalancerUDPListenerAsync(CreateLoadBalancerUDPListenerRequest request, CancellationToken cancellationToken) =>
        Call(SlbActions.CreateLoadBalancerUDPListener, request, Json.OpenApiResponse, cancellationToken);

    public Task<OpenApiResponse> CreateLoadBalancerHTTPListenerAsync(CreateLoadBalancerHTTPListenerRequest request, CancellationToken cancellationToken) =>
        Call(SlbActions.CreateLoadBalancerHTTPListener, request, Json.OpenApiResponse, cancellationToken);

    public Task<OpenApiResponse> CreateLoadBalancerHTTPSListenerAsync(CreateLoadBalancerHTTPSListenerRequest request, CancellationToken cancellationToken) =>
        Call(SlbActions.CreateLoadBalancerHTTPSListener, request, Json.OpenApiResponse, cancellationToken);

    public Task<OpenApiResponse> SetLoadBalancerTCPListenerAttributeAsync(SetLoadBalancerTCPListenerAttributeRequest request, CancellationToken cancellationToken) =>
        Call(SlbActions.SetLoadBalancerTCPListenerAttribute, request, Json.OpenApiResponse, cancellationToken);

    public Task<OpenApiResponse> SetLoadBalancerUDPListenerAttributeAsync(SetLoadBalancerUDPListenerAttributeRequest request, CancellationToken cancellationToken) =>
        Call(SlbActions.SetLoadBalancerUDPListenerAttribute, request, Json.OpenApiResponse, cancellationToken);

    public Task<OpenApiResponse> SetLoadBalancerHTTPListenerAttributeAsync(SetLoadBalancerHTTPListenerAttributeRequest request, CancellationToken cancellationToken) =>
        Call(SlbActions.SetLoadBalancerHTTPListenerAttribute, request, Json.OpenApiResponse, cancellationToken);

    public Task<OpenApiResponse> SetLoadBalancerHTTPSListenerAttributeAsync(SetLoadBalancerHTTPSListenerAttributeRequest request, CancellationToken cancellationToken) =>
        Call(SlbActions.SetLoadBalancerHTTPSListenerAttribute, request, Json.OpenApiResponse, cancellationToken);

    public Task<OpenApiResponse> StartLoadBalancerListenerAsync(ListenerKey listener, CancellationToken cancellationToken) =>
        Call(SlbActions.StartLoadBalancerListener, listener, Json.OpenApiResponse, cancellationToken);

    public Task<OpenApiResponse> StopLoadBalancerListenerAsync(ListenerKey listener, CancellationToken cancellationToken) =>
        Call(SlbActions.StopLoadBalancerListener, listener, Json.OpenApiResponse, cancellationToken);

    public Task<OpenApiResponse> DeleteLoadBalancerListenerAsync(ListenerKey listener, CancellationToken cancellationToken) =>
        Call(SlbActions.DeleteLoadBalancerListener, listener, Json.OpenApiResponse, cancellationToken);

    public IAsyncEnumerable<Listener> DescribeLoadBalancerListenersAsync(DescribeLoadBalancerListenersRequest request, CancellationToken cancellationToken) =>
        Paging.ByNextTokenAsync(
            (token, ct) => Call(SlbActions.DescribeLoadBalancerListeners, request.ToParameters().Add("MaxResults", request.MaxResults).Add("NextToken", token),
                Json.DescribeLoadBalancerListenersResponse, ct),
            r => r.Listeners, r => r.NextToken, cancellationToken);
}
