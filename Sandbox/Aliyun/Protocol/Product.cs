namespace Ccm.Sandbox.Aliyun.Protocol;

/// <summary>One Alibaba Cloud product the emulator serves; all three share one port and are told apart by Version.</summary>
internal sealed record Product(string Name, string Version, string HostId)
{
    public static readonly Product Slb = new("Slb", "2014-05-15", "slb.aliyuncs.com");
    public static readonly Product Vpc = new("Vpc", "2016-04-28", "vpc.aliyuncs.com");
    public static readonly Product Ecs = new("Ecs", "2014-05-26", "ecs.aliyuncs.com");

    public static IReadOnlyList<Product> All { get; } = [Slb, Vpc, Ecs];

    public static Product? ByVersion(string version) => All.FirstOrDefault(p => p.Version == version);
}
