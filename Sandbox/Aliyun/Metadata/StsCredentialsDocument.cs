using System.Text.Json.Serialization;

namespace Ccm.Sandbox.Aliyun.Metadata;

/// <summary>
/// The body of <c>ram/security-credentials/&lt;role&gt;</c>. SDKs require <c>Code == "Success"</c> and all four credential
/// fields, and parse <c>Expiration</c> as <c>yyyy-MM-ddTHH:mm:ssZ</c>. <see cref="ToString"/> omits the secrets.
/// </summary>
internal sealed record StsCredentialsDocument(
    string AccessKeyId, string AccessKeySecret, string Expiration, string SecurityToken, string LastUpdated, string Code)
{
    public override string ToString() => $"StsCredentialsDocument {{ AccessKeyId = {AccessKeyId}, Expiration = {Expiration} }}";
}

[JsonSerializable(typeof(StsCredentialsDocument))]
internal sealed partial class MetadataJson : JsonSerializerContext;
