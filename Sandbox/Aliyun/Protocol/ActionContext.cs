using Ccm.Sandbox.Aliyun.State;


namespace Ccm.Sandbox.Aliyun.Protocol;

/// <summary>What a handler sees: the call's parameters, the cloud, the clock, and the RequestId it must answer with.</summary>
internal sealed class ActionContext
{
    public required string Action { get; init; }

    public required ApiParameters Parameters { get; init; }

    public required CloudStore Store { get; init; }

    public required string RequestId { get; init; }

    public required DateTimeOffset Now { get; init; }

    public required EmulatorSettings Settings { get; init; }

    /// <summary>Rejects a <c>RegionId</c> other than the emulated one (when the caller sent one).</summary>
    public void CheckRegion(bool required = false)
    {
        var region = required ? Parameters.Required("RegionId") : Parameters.NonEmpty("RegionId");
        if (region is not null && region != Settings.RegionId)
        {
            throw CommonErrors.InvalidRegion(region);
        }
    }

    /// <summary><c>DryRun=true</c> answers <c>DryRunOperation</c> once the request has been validated.</summary>
    public void ThrowIfDryRun()
    {
        if (Parameters.Bool("DryRun") == true)
        {
            throw CommonErrors.DryRun();
        }
    }
}
