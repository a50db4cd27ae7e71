namespace Ccm.Sandbox.Aliyun.Protocol;

/// <summary>RequestIds look like the real ones: an upper-case GUID.</summary>
internal static class RequestIds
{
    public static string New() => Guid.NewGuid().ToString("D").ToUpperInvariant();
}
