namespace Ccm.CloudClients.Metadata;

/// <summary>How to reach the ECS instance metadata service.</summary>
public sealed class MetadataOptions
{
    /// <summary>The fixed link-local address of the service on every ECS instance. Never contacted by tests.</summary>
    public const string DefaultEndpoint = "http://100.100.100.200";

    /// <summary>Base address; <c>METADATA_ENDPOINT</c> in the environment wins over this (upstream behaviour).</summary>
    public string Endpoint { get; set; } = DefaultEndpoint;

    /// <summary>
    /// Use IMDSv2 (token from <c>PUT /latest/api/token</c>, sent on every GET). On by default as upstream
    /// (<c>--enable-imdsv2=true</c>): instances with <c>HttpTokens=required</c> refuse requests without a token.
    /// </summary>
    public bool EnableImdsV2 { get; set; } = true;

    /// <summary>Token lifetime asked for; 21600 s is the maximum and what the CCM and credentials-go use.</summary>
    public TimeSpan TokenTtl { get; set; } = TimeSpan.FromSeconds(21600);

    /// <summary>Per-request timeout: the service is local, so a slow answer means it is not there.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Attempts per item; upstream retries 5 times within 5 s.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Pause between attempts (linear: 1x, 2x, ...), keeping the whole series near upstream's 5 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);
}
