namespace Ccm.Silo.Options;

/// <summary><c>--network</c>: which OpenAPI endpoints to use when no <c>*_ENDPOINT</c> variable overrides them.</summary>
public enum NetworkType
{
    /// <summary>VPC-internal hosts (<c>*-vpc.&lt;region&gt;.aliyuncs.com</c>), the upstream default.</summary>
    Vpc,

    /// <summary>Public hosts, for silos running outside the VPC.</summary>
    Public,
}
