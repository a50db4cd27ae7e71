namespace Ccm.Sandbox.Aliyun.State;

/// <summary>
/// The values ECS reports for an instance's enumerated fields (DescribeInstances; reference aliyun-api.md §4.3 and the
/// ECS appendix), shared by the API's filters and the control API's validation.
/// </summary>
internal static class InstanceValues
{
    public const string DefaultInstanceType = "ecs.g7.large";

    public static readonly IReadOnlyList<string> Statuses = ["Pending", "Running", "Starting", "Stopping", "Stopped"];

    /// <summary>Pay-as-you-go (<c>PostPaid</c>) or subscription (<c>PrePaid</c>); upstream copies it to a node label.</summary>
    public static readonly IReadOnlyList<string> ChargeTypes = ["PostPaid", "PrePaid"];

    /// <summary><c>NoSpot</c> for an ordinary instance; upstream copies it to the node label <c>…/spot-strategy</c>.</summary>
    public static readonly IReadOnlyList<string> SpotStrategies = ["NoSpot", "SpotWithPriceLimit", "SpotAsPriceGo"];
}
