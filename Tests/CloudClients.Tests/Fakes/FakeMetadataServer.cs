using System.Net;
using Ccm.CloudClients.Metadata;

namespace Ccm.CloudClients.Tests.Fakes;

/// <summary>A scripted ECS metadata service: IMDSv2 token, role list, role credentials that can be changed or broken.</summary>
public sealed class FakeMetadataServer
{
    public const string Token = "imds-session-token-DoNotLeak-0001";

    public string Role { get; set; } = "KubernetesMasterRole";

    public string Expiration { get; set; } = "2026-11-01T18:00:00Z";

    public string LastUpdated { get; set; } = "2026-11-01T12:00:00Z";

    public string StsAccessKeyId { get; set; } = "STS.Fake0001";

    /// <summary>When set, every credentials request fails with this status.</summary>
    public HttpStatusCode? FailCredentials { get; set; }

    public bool RequireToken { get; set; } = true;

    public RecordingHandler Handler { get; }

    public FakeMetadataServer()
    {
        Handler = new RecordingHandler((r, _) => Answer(r));
    }

    public int CredentialFetches => Handler.Requests.Count(r => r.Uri.AbsolutePath.EndsWith("/" + Role, StringComparison.Ordinal));

    private HttpResponseMessage Answer(RecordedRequest request)
    {
        var path = request.Uri.AbsolutePath;
        if (request.Method == HttpMethod.Put && path == "/latest/api/token")
        {
            return request.Headers.ContainsKey(MetadataClient.TokenTtlHeader.ToLowerInvariant()) ? Text(Token) : new HttpResponseMessage(HttpStatusCode.BadRequest);
        }

        if (RequireToken && request.Headers.GetValueOrDefault(MetadataClient.TokenHeader.ToLowerInvariant()) != Token)
        {
            return new HttpResponseMessage(HttpStatusCode.Unauthorized);
        }

        return path switch
        {
            "/latest/meta-data/region-id" => Text("cn-hangzhou"),
            "/latest/meta-data/ram/security-credentials/" => Text(Role + "\n"),
            _ when path == "/latest/meta-data/ram/security-credentials/" + Role => FailCredentials is { } status
                ? new HttpResponseMessage(status)
                : Text($$"""{"AccessKeyId":"{{StsAccessKeyId}}","AccessKeySecret":"sts-secret-DoNotLeak","Expiration":"{{Expiration}}","SecurityToken":"sts-token-DoNotLeak","LastUpdated":"{{LastUpdated}}","Code":"Success"}"""),
            _ => new HttpResponseMessage(HttpStatusCode.NotFound),
        };
    }

    private static HttpResponseMessage Text(string body) => new(HttpStatusCode.OK) { Content = new StringContent(body) };
}
