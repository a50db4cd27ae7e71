using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Slb;

public sealed partial class SlbClient
{
    public Task<CreateDomainExtensionResponse> CreateDomainExtensionAsync(CreateDomainExtensionRequest request, CancellationToken cancellationToken) =>
        Call(SlbActions.CreateDomainExtension, request, Json.CreateDomainExtensionResponse, cancellationToken);

    public Task<OpenApiResponse> DeleteDomainExtensionAsync(string domainExtensionId, CancellationToken cancellationToken) =>
        Call(SlbActions.DeleteDomainExtension, new DomainExtensionIdRequest(domainExtensionId), Json.OpenApiResponse, cancellationToken);

    public async Task<IReadOnlyList<DomainExtension>> DescribeDomainExtensionsAsync(DescribeDomainExtensionsRequest request, CancellationToken cancellationToken) =>
        (await Call(SlbActions.DescribeDomainExtensions, request, Json.DescribeDomainExtensionsResponse, cancellationToken)).DomainExtensions;

    public Task<OpenApiResponse> SetDomainExtensionAttributeAsync(SetDomainExtensionAttributeRequest request, CancellationToken cancellationToken) =>
        Call(SlbActions.SetDomainExtensionAttribute, request, Json.OpenApiResponse, cancellationToken);
}
