using Ccm.Sandbox.Aliyun.Protocol;

namespace Ccm.Sandbox.Aliyun.Signing;

/// <summary>The gateway's authentication errors (reference §2), with the real codes, statuses and messages.</summary>
internal static class SignatureErrors
{
    /// <summary>
    /// SDKs look for the marker <c>server string to sign is:</c> and compare what follows with their own string to
    /// sign, so the message must end with ours exactly.
    /// </summary>
    public static OpenApiException DoesNotMatch(string stringToSign) =>
        new(400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation. server string to sign is:" + stringToSign);

    public static OpenApiException Incomplete(string why) =>
        new(400, "IncompleteSignature", "The request signature does not conform to Aliyun standards. " + why);

    public static OpenApiException AccessKeyNotFound() =>
        new(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");

    public static OpenApiException NonceUsed() =>
        new(400, "SignatureNonceUsed", "Specified signature nonce was used already.");

    public static OpenApiException TimestampFormat() =>
        new(400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.");

    public static OpenApiException TimestampExpired() =>
        new(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");

    public static OpenApiException SecurityTokenExpired() =>
        new(400, "InvalidSecurityToken.Expired", "Specified SecurityToken is expired.");

    public static OpenApiException SecurityTokenMismatch() =>
        new(400, "InvalidSecurityToken.MismatchWithAccessKey", "Specified SecurityToken mismatch with the AccessKey.");
}
