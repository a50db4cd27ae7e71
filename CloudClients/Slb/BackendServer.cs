namespace Ccm.CloudClients.Slb;

/// <summary>
/// A vServer group member. <c>Type</c> is <c>ecs</c> (default), <c>eni</c> or <c>eci</c>; ENI/ECI members also
/// carry <c>ServerIp</c>. Members are matched by ServerId + Port (+ ServerIp for <c>eni</c>). Weight 0-100, 0 = no
/// traffic. Sent as the <c>BackendServers</c> JSON string (see <see cref="Transport.JsonParameters.BackendServers"/>).
/// </summary>
public sealed record BackendServer
{
    public required string ServerId { get; init; }

    public int? Port { get; init; }

    public int? Weight { get; init; }

    public string? Type { get; init; }

    public string? ServerIp { get; init; }

    /// <summary>The CCM writes its ownership key here: <c>k8s/&lt;port&gt;/&lt;svc&gt;/&lt;ns&gt;/&lt;clusterID&gt;</c>.</summary>
    public string? Description { get; init; }
}

/// <summary>
/// Splits backend lists into calls the API accepts. The documented limit is 20 per call; the Go CCM sends up to 40
/// (<c>--sg-batch-size</c>, 1-40), which the service tolerates. Callers choose; the default is the documented one.
/// </summary>
public static class BackendServerBatches
{
    public const int DocumentedLimit = 20;

    /// <summary>The most the upstream CCM sends in one call (<c>--sg-batch-size</c> upper bound).</summary>
    public const int UpstreamMaximum = 40;

    public static IEnumerable<IReadOnlyList<BackendServer>> Split(IReadOnlyList<BackendServer> servers, int batchSize = DocumentedLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batchSize, UpstreamMaximum);
        return servers.Chunk(batchSize);
    }
}
