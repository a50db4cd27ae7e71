namespace Ccm.CloudClients.Transport;

/// <summary>How requests are signed (reference aliyun-api.md §1).</summary>
public enum SignatureVersion
{
    /// <summary>RPC signature: HMAC-SHA1, <c>SignatureVersion=1.0</c>, everything in the query.</summary>
    V2,

    /// <summary><c>ACS3-HMAC-SHA256</c>: action, date, nonce and token in signed <c>x-acs-*</c> headers.</summary>
    V3,
}
