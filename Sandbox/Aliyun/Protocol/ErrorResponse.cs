namespace Ccm.Sandbox.Aliyun.Protocol;

/// <summary>The real error body (reference §2). <c>Recommend</c> links the troubleshooting page for the code.</summary>
internal sealed record ErrorResponse
{
    public required string RequestId { get; init; }

    public required string HostId { get; init; }

    public required string Code { get; init; }

    public required string Message { get; init; }

    public required string Recommend { get; init; }

    public static ErrorResponse For(OpenApiException error, string requestId, Product? product) => new()
    {
        RequestId = requestId,
        HostId = product?.HostId ?? "openapi.aliyuncs.com",
        Code = error.Code,
        Message = error.Message,
        Recommend = $"https://api.alibabacloud.com/troubleshoot?intl_lang=EN_US&q={Uri.EscapeDataString(error.Code)}"
            + $"&product={product?.Name ?? "Ecs"}&requestId={requestId}",
    };
}
