using System.Globalization;
using Ccm.Sandbox.Aliyun.Protocol;
using Ccm.Sandbox.Aliyun.State;

namespace Ccm.Sandbox.Aliyun.Slb;

/// <summary>
/// The <c>BackendServers</c> JSON of the vServer group actions, read leniently like the real service: the documented form
/// is <c>[{"ServerId":"i-x","Weight":"100","Type":"ecs","Port":"80"}]</c>, but the CCM marshals a Go struct with
/// lower-camel keys, numeric weight/port and extra keys (<c>serverId</c>, <c>weight</c>: 100, <c>NodeName</c>…). So keys
/// match case-insensitively, numbers and strings are both accepted, and unknown keys are ignored.
/// </summary>
internal static class BackendServersParameter
{
    /// <summary>
    /// The API reference documents at most 20 backends per call, yet the CCM sends batches of up to 40
    /// (<c>--sg-batch-size</c>, default 40, range 1–40) and works against the real service, which therefore accepts 40;
    /// the official SDKs set no limit of their own. We accept 40 and refuse more, so a client that would break the real
    /// service's batch limit breaks here too, while the CCM's default passes.
    /// </summary>
    public const int MaxPerCall = 40;

    public static IReadOnlyList<BackendServer> Parse(ApiParameters parameters, string name, bool required)
    {
        var text = required ? parameters.Required(name) : parameters.NonEmpty(name);
        if (text is null)
        {
            return [];
        }

        var servers = JsonParameter.Objects(name, text).Select(e => Read(e, name)).ToList();
        return servers.Count <= MaxPerCall
            ? servers
            : throw CommonErrors.InvalidParameter(name,
                $"The number of {name} exceeds the limit of {MaxPerCall.ToString(CultureInfo.InvariantCulture)} per call.");
    }

    private static BackendServer Read(System.Text.Json.JsonElement e, string name)
    {
        var serverId = JsonParameter.Field(e, "ServerId");
        if (string.IsNullOrEmpty(serverId))
        {
            throw CommonErrors.InvalidParameter(name, $"Every item of {name} needs a ServerId.");
        }

        var type = (JsonParameter.Field(e, "Type") is { Length: > 0 } t ? t : "ecs").ToLowerInvariant();
        if (type is not ("ecs" or "eni" or "eci"))
        {
            throw CommonErrors.InvalidParameter(name, $"The backend type \"{type}\" is not valid; use ecs, eni or eci.");
        }

        var serverIp = JsonParameter.Field(e, "ServerIp");
        if (type != "ecs" && string.IsNullOrEmpty(serverIp))
        {
            throw CommonErrors.InvalidParameter(name, "ENI and ECI backends need a ServerIp.");
        }

        var port = JsonParameter.IntField(e, "Port", name) ?? throw CommonErrors.InvalidParameter(name, $"Every item of {name} needs a Port.");
        var weight = JsonParameter.IntField(e, "Weight", name) ?? 100;
        if (port is < 1 or > 65535 || weight is < 0 or > 100)
        {
            throw CommonErrors.InvalidParameter(name, "Port must be 1-65535 and Weight 0-100.");
        }

        return new BackendServer(serverId, port, weight, type, string.IsNullOrEmpty(serverIp) ? null : serverIp,
            JsonParameter.Field(e, "Description") ?? "");
    }
}
