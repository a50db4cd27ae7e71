namespace Ccm.Sandbox.Aliyun;

/// <summary>The knobs handlers and verifiers read, fixed when the emulator starts (from <see cref="AliyunEmulatorOptions"/>).</summary>
internal sealed record EmulatorSettings
{
    public required string RegionId { get; init; }

    public required TimeProvider Clock { get; init; }

    /// <summary>How long a created or deleted route entry stays Pending/Deleting before it settles.</summary>
    public required TimeSpan RouteEntryDelay { get; init; }

    /// <summary>How long an EIP stays Associating, Unassociating or Releasing before it settles.</summary>
    public required TimeSpan EipDelay { get; init; }

    /// <summary>The gateway rejects timestamps further than this from its clock (<c>InvalidTimeStamp.Expired</c>).</summary>
    public required TimeSpan MaxClockSkew { get; init; }

    /// <summary>Whether metadata reads need an IMDSv2 token (also shown as the instances' <c>MetadataOptions.HttpTokens</c>).</summary>
    public required bool MetadataTokenRequired { get; init; }

    public static EmulatorSettings From(AliyunEmulatorOptions options) => new()
    {
        RegionId = options.RegionId,
        Clock = options.Clock,
        RouteEntryDelay = options.RouteEntryPendingDelay,
        EipDelay = options.EipTransitionDelay,
        MaxClockSkew = options.MaxClockSkew,
        MetadataTokenRequired = options.RequireMetadataToken,
    };
}
