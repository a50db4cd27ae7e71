using System.Text.Json.Serialization;

namespace Ccm.CloudClients.Transport;

/// <summary>Every successful body carries the service's <c>RequestId</c>; logs and exceptions quote it.</summary>
public interface IOpenApiResponse
{
    string RequestId { get; }
}

/// <summary>The body of actions that return nothing but <c>{"RequestId"}</c>; most typed responses derive from it.</summary>
public record OpenApiResponse : IOpenApiResponse
{
    public string RequestId { get; init; } = "";
}

/// <summary>The error body (reference §2): <c>{"RequestId","HostId","Code","Message","Recommend"}</c>.</summary>
internal sealed record ErrorBody
{
    public string? RequestId { get; init; }

    public string? HostId { get; init; }

    public string? Code { get; init; }

    public string? Message { get; init; }

    public string? Recommend { get; init; }
}

[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(OpenApiResponse))]
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
internal sealed partial class TransportJsonContext : JsonSerializerContext;
