using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ccm.Sandbox.Demo;

namespace Ccm.Silo.SandboxHosting;

/// <summary>
/// The texts the sandbox writes for a second silo (or any tool) to join it: an upstream-format cloud-config naming
/// the demo world, and an <c>env</c> file of the endpoint variables. Pure, so their exact shape is tested.
/// </summary>
public static class SandboxFiles
{
    /// <summary>
    /// The upstream cloud-config JSON: base64 AccessKey (as upstream), the demo region, VPC, vSwitches and the two
    /// custom route tables written as users write them, with a space after the comma.
    /// </summary>
    public static string CloudConfig(string accessKeyId, string accessKeySecret)
    {
        var global = new JsonObject
        {
            ["accessKeyID"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(accessKeyId)),
            ["accessKeySecret"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(accessKeySecret)),
            ["region"] = DemoWorld.RegionId,
            ["zoneid"] = DemoWorld.VSwitches[0].ZoneId,
            ["vpcid"] = DemoWorld.VpcId,
            ["vswitchid"] = string.Join(", ", DemoWorld.VSwitches.Select(v => $"{v.ZoneId}:{v.VSwitchId}")),
            ["routeTableIDs"] = string.Join(", ", DemoWorld.CustomRouteTableIds),
            ["clusterID"] = DemoWorld.ClusterId,
        };
        return new JsonObject { ["Global"] = global }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary><c>KEY=value</c> lines a shell can source (<c>set -a; . ./env</c>) or a tool can read.</summary>
    public static string EnvFile(IReadOnlyDictionary<string, string> variables) =>
        string.Concat(variables.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}\n"));

    /// <summary>The endpoint variables of emulators at <paramref name="aliyun"/>: the three OpenAPIs and the metadata service, over HTTP.</summary>
    public static IReadOnlyDictionary<string, string> Endpoints(Uri aliyun) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["SLB_ENDPOINT"] = aliyun.Authority,
        ["VPC_ENDPOINT"] = aliyun.Authority,
        ["ECS_ENDPOINT"] = aliyun.Authority,
        ["ALICLOUD_CLIENT_SCHEME"] = "HTTP",
        ["METADATA_ENDPOINT"] = aliyun.GetLeftPart(UriPartial.Authority),
    };
}
