using Ccm.CloudClients.Credentials;
using Ccm.CloudClients.Endpoints;
using Ccm.CloudClients.Metadata;
using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients;

/// <summary>
/// Options for the SLB / VPC / ECS clients, bound from the configuration section <see cref="SectionName"/>.
/// A class (not a record) so its <c>ToString</c> cannot print <see cref="Credentials"/>' secret.
/// </summary>
public sealed class CloudClientOptions
{
    public const string SectionName = "CloudClients";

    /// <summary>Region of every call (sent as <c>RegionId</c>) and of the endpoints. The silo fills it from cloud-config or metadata.</summary>
    public string RegionId { get; set; } = "";

    /// <summary><c>--network</c>: VPC-internal endpoints by default, as upstream.</summary>
    public NetworkType Network { get; set; } = NetworkType.Vpc;

    /// <summary>
    /// V3 (ACS3-HMAC-SHA256) by default: it is what current official SDKs use for every product including these RPC
    /// ones, signs with SHA-256 instead of SHA-1, and puts nonce, date and token in signed headers rather than the
    /// URL (so they never appear in an access log's query string). V2 remains for gateways that predate V3; the
    /// upstream Go CCM still sends V2 for SLB/VPC/ECS, and our emulator accepts both.
    /// </summary>
    public SignatureVersion SignatureVersion { get; set; } = SignatureVersion.V3;

    /// <summary>Per-attempt timeout (upstream uses 20 s).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Attempts per call including the first; throttling is the common cause, upstream NLB retries 10 times.</summary>
    public int MaxAttempts { get; set; } = 8;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest wait a <c>TimeLeft</c> header can ask for.</summary>
    public TimeSpan MaxThrottleDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Refuse every write with <see cref="ReadOnlyModeException"/> (set by the silo's <c>--dry-run</c>).</summary>
    public bool ReadOnly { get; set; }

    /// <summary>Sent as User-Agent; upstream sends <c>ack.ccm/&lt;ver&gt; ClusterId/&lt;id&gt;</c>.</summary>
    public string UserAgent { get; set; } = "ccm-dotnet";

    /// <summary>Client-side budget per product name (<c>SLB</c>, <c>VPC</c>, <c>ECS</c>), shared by the whole process.</summary>
    public Dictionary<string, ProductRateLimit> RateLimits { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        // Conservative defaults below the published SLB rate of 90 requests per 60 s per action (reference §6)
        // summed over the few hot actions; ECS reads are cheap and frequent (node sync), so they get more.
        ["SLB"] = new() { PermitsPerSecond = 10, Burst = 20 },
        ["VPC"] = new() { PermitsPerSecond = 10, Burst = 20 },
        ["ECS"] = new() { PermitsPerSecond = 20, Burst = 40 },
    };

    public CredentialOptions Credentials { get; set; } = new();

    public MetadataOptions Metadata { get; set; } = new();

    public override string ToString() =>
        $"CloudClientOptions {{ RegionId = {RegionId}, Network = {Network}, SignatureVersion = {SignatureVersion}, Timeout = {Timeout}, " +
        $"MaxAttempts = {MaxAttempts}, ReadOnly = {ReadOnly}, Credentials = {Credentials} }}";
}

/// <summary>A token bucket: <see cref="PermitsPerSecond"/> sustained, <see cref="Burst"/> at once; 0 disables the limit.</summary>
public sealed class ProductRateLimit
{
    public double PermitsPerSecond { get; set; } = 10;

    public int Burst { get; set; } = 20;

    /// <summary>Callers waiting for a permit before new ones are refused (then the call fails fast with <c>Client.RateLimited</c>).</summary>
    public int QueueLimit { get; set; } = 10_000;
}
