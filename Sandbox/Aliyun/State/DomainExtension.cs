namespace Ccm.Sandbox.Aliyun.State;

/// <summary>
/// An additional domain (SNI) of an HTTPS listener with its own server certificate. It lives inside its listener, so
/// deleting the listener or the CLB deletes it too; the API addresses it by <see cref="DomainExtensionId"/> alone.
/// </summary>
public sealed record DomainExtension(string DomainExtensionId, string Domain, string ServerCertificateId);
