using System.Collections.Immutable;

namespace Ccm.Silo.CloudConfiguration;

/// <summary>
/// Fills the cloud-config's <c>region</c>, <c>zoneid</c>, <c>vpcid</c> and <c>vswitchid</c> from the instance metadata
/// service when the file leaves them out (the documented manifests ship an almost empty cloud-config). Only missing
/// fields are looked up. Region and VPC are required afterwards; the zone and vSwitch are optional.
/// </summary>
public static class CloudConfigCompletion
{
    public static async Task<CloudConfig> CompleteAsync(CloudConfig config, IInstanceMetadata metadata, string path, CancellationToken cancellationToken)
    {
        var failures = new List<(string Item, string Message)>();

        async Task<string?> LookUp(string item)
        {
            try
            {
                var value = (await metadata.GetAsync(item, cancellationToken))?.Trim();
                return string.IsNullOrEmpty(value) ? null : value;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failures.Add((item, e.Message));
                return null;
            }
        }

        var region = config.Region ?? await LookUp("region-id");
        var zone = config.ZoneId ?? await LookUp("zone-id");
        var vpc = config.VpcId ?? await LookUp("vpc-id");
        var vSwitches = config.VSwitches;
        if (vSwitches.IsEmpty && await LookUp("vswitch-id") is { } vSwitch)
        {
            vSwitches = [new VSwitch(zone ?? "", vSwitch)];
        }

        var missing = new List<string>();
        if (region is null)
        {
            missing.Add("region (e.g. \"region\": \"cn-hangzhou\")");
        }

        if (vpc is null)
        {
            missing.Add("vpcid (e.g. \"vpcid\": \"vpc-bp1abc\")");
        }

        if (missing.Count > 0)
        {
            var why = failures.Count == 0 ? ""
                : $" ({string.Join("; ", failures.GroupBy(f => f.Message).Select(g => $"{string.Join(", ", g.Select(f => f.Item))}: {g.Key}"))})";
            throw new CloudConfigException(path,
                $"{string.Join(" and ", missing.Select(m => m.Split(' ')[0]))} {(missing.Count == 1 ? "is" : "are")} not set and the ECS instance metadata service could not provide {(missing.Count == 1 ? "it" : "them")}{why}. Set {string.Join(" and ", missing)} in the Global section");
        }

        return config with { Region = region, ZoneId = zone, VpcId = vpc, VSwitches = vSwitches };
    }

    /// <summary>The fields still unknown after completion that some features need, for a start-up warning.</summary>
    public static ImmutableArray<string> OptionalGaps(CloudConfig config) =>
        [.. new[] { config.ZoneId is null ? "zoneid" : null, config.VSwitches.IsEmpty ? "vswitchid" : null }.OfType<string>()];
}
