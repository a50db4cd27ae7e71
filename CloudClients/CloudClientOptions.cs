using Ccm.CloudClients.Credentials;
using Ccm.CloudClients.Endpoints;
using Ccm.CloudClients.Metadata;
using Ccm.CloudClients.Transport;
using Ccm.CloudClients.Transport.Budget;

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

    /// <summary>
    /// The client-side budget, shared by the whole process: one token bucket per entry, keyed by product (<c>SLB</c>,
    /// shared by that product's actions) or by product and action (<c>SLB.CreateVServerGroup</c>, which then draws from
    /// its own bucket instead of the product's). A rate of 0 or a missing entry is unlimited. Flags and cloud-config set
    /// it through <see cref="ApplyRateLimits"/>.
    /// <para>
    /// Defaults. Alibaba Cloud throttles per region, API and account (ParentUid), counting every client of the account
    /// (console, Terraform, other controllers), and publishes a rate per API as "COUNT/SECONDS" (OpenAPI "Throttling and
    /// quota management", help.aliyun.com/en/openapi/throttling-and-quota-management). What is published:
    /// </para>
    /// <list type="bullet">
    /// <item>SLB (CLB 2014-05-15): CreateVServerGroup "请求速率为90/60(s)", 90 per 60 s (api.aliyun.com/document/Slb/2014-05-15/CreateVServerGroup,
    /// reference aliyun-api.md §6). Its entry keeps rate·60 s + burst ≤ 90, so no 60-s window can exceed it. The other CLB
    /// pages were not found; the shared 10/s (burst 20) spreads over the dozen actions a Service reconcile mixes.</item>
    /// <item>VPC (2016-04-28): quotas 30/60 s to 1200/60 s per API (help.aliyun.com/zh/vpc/developer-reference/api-vpc-2016-04-28-quota;
    /// ModifyRouteEntry 300/60 s, i.e. 5/s); the route writes of one table are serialised anyway, so a shared 10/s.</item>
    /// <item>ECS: per API and region, thresholds only in Quota Center (reference aliyun-api.md §6, help doc 437902); node sync reads
    /// dominate, so 20/s.</item>
    /// </list>
    /// Where the real limit is lower (another client shares the account), <see cref="AdaptiveRate"/> finds it.
    /// </summary>
    public Dictionary<string, CloudRateLimit> RateLimits { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SLB"] = new() { PermitsPerSecond = 10, Burst = 20 },
        ["SLB.CreateVServerGroup"] = new() { PermitsPerSecond = 1.4, Burst = 6 },
        ["VPC"] = new() { PermitsPerSecond = 10, Burst = 20 },
        ["ECS"] = new() { PermitsPerSecond = 20, Burst = 40 },
    };

    /// <summary>How <c>Throttling*</c> / <c>ServiceUnavailable</c> answers lower a budget's rate and how it recovers.</summary>
    public AdaptiveRateOptions AdaptiveRate { get; set; } = new();

    public CredentialOptions Credentials { get; set; } = new();

    public MetadataOptions Metadata { get; set; } = new();

    /// <summary>
    /// Sets the entries of <paramref name="text"/> (<see cref="CloudRateLimitText"/> syntax, e.g.
    /// <c>SLB=10:20,SLB.DescribeLoadBalancers=5:10,VPC=8</c>) over <see cref="RateLimits"/>: an entry replaces the one of
    /// the same name, others stay. Apply cloud-config first and the flag last, so the flag wins.
    /// </summary>
    /// <exception cref="FormatException">The text is malformed; the message names the entry and the fix.</exception>
    public void ApplyRateLimits(string? text)
    {
        foreach (var (name, limit) in CloudRateLimitText.Parse(text))
        {
            RateLimits[name] = limit;
        }
    }

    public override string ToString() =>
        $"CloudClientOptions {{ RegionId = {RegionId}, Network = {Network}, SignatureVersion = {SignatureVersion}, Timeout = {Timeout}, " +
        $"MaxAttempts = {MaxAttempts}, ReadOnly = {ReadOnly}, RateLimits = {CloudRateLimitText.Format(RateLimits)}, Credentials = {Credentials} }}";
}
