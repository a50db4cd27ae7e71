using System.Globalization;
using System.Text.Json;
using Ccm.Sandbox.Aliyun.Protocol;
using Ccm.Sandbox.Aliyun.State;
using Ccm.Sandbox.Demo;
using Microsoft.AspNetCore.Http;

namespace Ccm.Sandbox.Aliyun.Metadata;

/// <summary>
/// The ECS instance metadata service, on the OpenAPI's port: <c>PUT /latest/api/token</c> (IMDSv2) and plain-text items
/// under <c>/latest/meta-data/</c>, as seen from inside the first demo instance. A token, when sent, must be valid; with
/// <see cref="EmulatorSettings.MetadataTokenRequired"/> it must be sent (an instance with <c>HttpTokens=required</c>).
/// Any failure is a non-200 status, which is all SDKs look at.
/// </summary>
internal sealed class MetadataEndpoint(CloudStore store, MetadataTokens tokens, StsCredentialIssuer issuer, EmulatorSettings settings, string roleName)
{
    public const string TokenHeader = "X-aliyun-ecs-metadata-token";
    public const string TtlHeader = "X-aliyun-ecs-metadata-token-ttl-seconds";
    private const string CredentialsPath = "ram/security-credentials/";

    /// <summary>The instance whose metadata this is: the first demo instance, while it exists.</summary>
    public static string IdentityInstanceId => DemoWorld.Nodes[0].InstanceId;

    public Task PutTokenAsync(HttpContext http)
    {
        var ttl = http.Request.Headers[TtlHeader].ToString();
        if (!int.TryParse(ttl, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds is < 1 or > MetadataTokens.MaxTtlSeconds)
        {
            return TextAsync(http, StatusCodes.Status400BadRequest, $"{TtlHeader} must be between 1 and {MetadataTokens.MaxTtlSeconds}");
        }

        return TextAsync(http, StatusCodes.Status200OK, tokens.Issue(seconds));
    }

    public Task GetAsync(HttpContext http, string path)
    {
        var token = http.Request.Headers[TokenHeader].ToString();
        if (token.Length > 0 ? !tokens.IsValid(token) : settings.MetadataTokenRequired)
        {
            return TextAsync(http, StatusCodes.Status401Unauthorized, "Unauthorized");
        }

        if (path == CredentialsPath)
        {
            return TextAsync(http, StatusCodes.Status200OK, roleName);
        }

        if (path.StartsWith(CredentialsPath, StringComparison.Ordinal))
        {
            return path[CredentialsPath.Length..].TrimEnd('/') == roleName
                ? CredentialsAsync(http)
                : TextAsync(http, StatusCodes.Status404NotFound, "Not Found");
        }

        var value = Item(store.Current, path.TrimEnd('/'));
        return value is null ? TextAsync(http, StatusCodes.Status404NotFound, "Not Found") : TextAsync(http, StatusCodes.Status200OK, value);
    }

    private Task CredentialsAsync(HttpContext http)
    {
        var (credential, issuedAt) = issuer.Current();
        var document = new StsCredentialsDocument(credential.AccessKeyId, credential.AccessKeySecret,
            WireTime.Seconds(credential.Expiration!.Value), credential.SecurityToken!, WireTime.Seconds(issuedAt), "Success");
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, ResponseWriter.WriterOptions))
        {
            JsonSerializer.Serialize(writer, document, MetadataJson.Default.StsCredentialsDocument);
        }

        return TextAsync(http, StatusCodes.Status200OK, System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private string? Item(CloudSnapshot s, string path)
    {
        if (path == "region-id")
        {
            return s.RegionId;
        }

        if (s.Instances.GetValueOrDefault(IdentityInstanceId) is not { } instance)
        {
            return path.Length == 0 ? "region-id\nram/" : null;
        }

        var vpc = s.Vpcs.GetValueOrDefault(instance.VpcId);
        var vSwitch = s.VSwitches.GetValueOrDefault(instance.VSwitchId);
        var macPrefix = "network/interfaces/macs/" + instance.MacAddress + "/";
        return path switch
        {
            "" => "region-id\nzone-id\ninstance-id\nvpc-id\nvswitch-id\nprivate-ipv4\nhostname\nmac\nnetwork-type\ninstance/\n"
                + "vpc-cidr-block\nvswitch-cidr-block\nowner-account-id\nimage-id\nnetwork/\nram/",
            "zone-id" => instance.ZoneId,
            "instance-id" => instance.InstanceId,
            "vpc-id" => instance.VpcId,
            "vswitch-id" => instance.VSwitchId,
            "private-ipv4" => instance.PrivateIpAddress,
            "hostname" => instance.HostName,
            "mac" => instance.MacAddress,
            "network-type" => "vpc",
            "instance/instance-type" => instance.InstanceType,
            "vpc-cidr-block" => vpc?.CidrBlock,
            "vswitch-cidr-block" => vSwitch?.CidrBlock,
            "owner-account-id" => "1000000000000001",
            "image-id" => "aliyun_3_x64_20G_alibase_20250101.vhd",
            "network/interfaces/macs" => instance.MacAddress + "/",
            _ when path.StartsWith(macPrefix, StringComparison.Ordinal) => path[macPrefix.Length..] switch
            {
                "network-interface-id" => instance.NetworkInterfaceId,
                "vpc-id" => instance.VpcId,
                "vswitch-id" => instance.VSwitchId,
                "private-ipv4s" => $"[\"{instance.PrivateIpAddress}\"]",
                "netmask" => vSwitch is null ? null : Netmask(vSwitch.CidrBlock),
                _ => null,
            },
            _ => null,
        };
    }

    private static string Netmask(string cidr) => Ipv4Cidr.Format(Ipv4Cidr.Parse(cidr).Mask);

    private static Task TextAsync(HttpContext http, int status, string body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain";
        return http.Response.WriteAsync(body, http.RequestAborted);
    }
}
