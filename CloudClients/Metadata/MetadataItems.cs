namespace Ccm.CloudClients.Metadata;

/// <summary>Paths under <c>/latest/meta-data/</c> the CCM reads (reference aliyun-api.md §5).</summary>
public static class MetadataItems
{
    public const string RegionId = "region-id";
    public const string ZoneId = "zone-id";
    public const string InstanceId = "instance-id";
    public const string VpcId = "vpc-id";
    public const string VSwitchId = "vswitch-id";
    public const string PrivateIpv4 = "private-ipv4";
    public const string Hostname = "hostname";
    public const string VpcCidrBlock = "vpc-cidr-block";
    public const string VSwitchCidrBlock = "vswitch-cidr-block";
    public const string InstanceType = "instance/instance-type";

    /// <summary>Newline-separated role names; the CCM uses the first.</summary>
    public const string RamRoles = "ram/security-credentials/";

    public static string RamRoleCredentials(string roleName) => RamRoles + Uri.EscapeDataString(roleName);
}
