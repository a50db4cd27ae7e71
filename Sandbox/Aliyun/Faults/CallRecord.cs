namespace Ccm.Sandbox.Aliyun.Faults;

/// <summary>
/// One OpenAPI call as the emulator saw it. Holds no secret: no parameters, signature, security token or message text;
/// the AccessKeyId identifies the caller (for STS credentials, the <c>STS.</c> id).
/// </summary>
public sealed record CallRecord
{
    public required DateTimeOffset Time { get; init; }

    public required string Action { get; init; }

    public required string Version { get; init; }

    /// <summary><c>V2</c>, <c>V3</c>, or empty when the call could not be read.</summary>
    public required string Signature { get; init; }

    public string? AccessKeyId { get; init; }

    /// <summary>The HTTP status sent; 0 when the response was dropped on purpose or the client went away first.</summary>
    public required int StatusCode { get; init; }

    public string? ErrorCode { get; init; }

    public required string RequestId { get; init; }

    public required double DurationMs { get; init; }

    /// <summary>The fault injected into this call, if any: <c>latency</c>, <c>throttled</c>, <c>error</c>, <c>timeout</c>,
    /// <c>dropped</c>, <c>malformed</c> (applied, then answered garbled); <c>abandoned</c> when the client closed the call
    /// before its answer.</summary>
    public string? Fault { get; init; }

    public bool Succeeded => StatusCode == 200 || (StatusCode == 0 && Fault == "dropped");
}
