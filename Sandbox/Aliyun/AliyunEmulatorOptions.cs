using Ccm.Sandbox.Demo;
using Microsoft.Extensions.Logging;

namespace Ccm.Sandbox.Aliyun;

/// <summary>
/// How to start an <see cref="AliyunEmulator"/>. <see cref="ToString"/> never prints the AccessKey secret.
/// </summary>
public sealed record AliyunEmulatorOptions
{
    /// <summary><c>host:port</c> on loopback (<c>127.0.0.1</c>, <c>[::1]</c> or <c>localhost</c>); port 0 picks a free one.</summary>
    public string Listen { get; init; } = "127.0.0.1:0";

    /// <summary>The AccessKey the OpenAPI accepts (besides the STS credentials it issues itself).</summary>
    public required string AccessKeyId { get; init; }

    public required string AccessKeySecret { get; init; }

    public SeedKind Seed { get; init; } = SeedKind.Demo;

    public string RegionId { get; init; } = DemoWorld.RegionId;

    /// <summary>The RAM role of the instance the metadata service impersonates (the first demo instance).</summary>
    public string RamRoleName { get; init; } = "KubernetesMasterRole-sandbox";

    /// <summary>How long issued STS credentials live; a new set is handed out once a third of it has passed.</summary>
    public TimeSpan StsCredentialLifetime { get; init; } = TimeSpan.FromHours(6);

    /// <summary>Refuse metadata reads without an IMDSv2 token (an instance with <c>HttpTokens=required</c>).</summary>
    public bool RequireMetadataToken { get; init; }

    /// <summary>How long route entry writes stay Pending/Deleting (the real VPC takes seconds).</summary>
    public TimeSpan RouteEntryPendingDelay { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>How long EIPs stay Associating/Unassociating/Releasing (the real VPC takes seconds).</summary>
    public TimeSpan EipTransitionDelay { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Allowed distance between a request's timestamp and the emulator's clock (15 minutes, as the gateway).</summary>
    public TimeSpan MaxClockSkew { get; init; } = TimeSpan.FromMinutes(15);

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Where the emulator logs (never a secret); none when null.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    public override string ToString() =>
        $"AliyunEmulatorOptions {{ Listen = {Listen}, AccessKeyId = {AccessKeyId}, AccessKeySecret = ***, Seed = {Seed}, RegionId = {RegionId} }}";
}
