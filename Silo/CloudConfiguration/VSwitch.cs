namespace Ccm.Silo.CloudConfiguration;

/// <summary>One <c>zone:vsw-id</c> pair of the cloud-config's <c>vswitchid</c>; <see cref="ZoneId"/> may be empty.</summary>
public sealed record VSwitch(string ZoneId, string VSwitchId)
{
    public override string ToString() => $"{ZoneId}:{VSwitchId}";
}
