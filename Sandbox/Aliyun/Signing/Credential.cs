namespace Ccm.Sandbox.Aliyun.Signing;

/// <summary>
/// An AccessKey the emulator accepts: the configured pair, or STS credentials it issued through the metadata service
/// (then with a <see cref="SecurityToken"/> and an <see cref="Expiration"/>). <see cref="ToString"/> names the id only.
/// </summary>
internal sealed record Credential(string AccessKeyId, string AccessKeySecret, string? SecurityToken, DateTimeOffset? Expiration)
{
    public bool IsSts => SecurityToken is not null;

    public override string ToString() => $"Credential {{ AccessKeyId = {AccessKeyId}, Sts = {IsSts}, Expiration = {Expiration:O} }}";
}
