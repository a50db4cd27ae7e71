using System.Text;
using Ccm.CloudClients.Signing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Ccm.Sandbox.Aliyun.Protocol;

/// <summary>
/// Turns an HTTP request into an <see cref="ApiRequest"/>. V2 carries <c>Action</c>/<c>Version</c> as parameters in
/// the query and/or a form body (the Go SDK: all in the query; pop-core: all in the body; openapi-client: common ones in
/// the query, business ones in the body), so both are merged. V3 names the API in <c>x-acs-action</c>/<c>x-acs-version</c>.
/// pop-core sends those headers on V2 calls too, so the <c>Action</c> parameter decides first.
/// </summary>
internal static class RequestReader
{
    private const int MaxBodyBytes = 1 << 20;

    public static async Task<ApiRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(request, cancellationToken);
        var query = new List<KeyValuePair<string, string>>();
        foreach (var (key, values) in request.Query)
        {
            foreach (var value in values)
            {
                query.Add(new(key, value ?? ""));
            }
        }

        var merged = new List<KeyValuePair<string, string>>(query);
        if (body.Length > 0 && IsForm(request.ContentType))
        {
            foreach (var (key, values) in QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)))
            {
                foreach (var value in values)
                {
                    merged.Add(new(key, value ?? ""));
                }
            }
        }

        var parameters = new ApiParameters(merged);
        var (action, version, kind) = Identify(parameters, request.Headers);
        return new ApiRequest
        {
            Method = request.Method,
            Path = request.Path.HasValue ? request.Path.Value! : "/",
            Action = action,
            Version = version,
            Signature = kind,
            Parameters = parameters,
            Query = query,
            Headers = request.Headers,
            BodySha256 = kind == SignatureKind.V3
                ? body.Length == 0 ? Acs3Signature.EmptyPayloadHash : Acs3Signature.HexSha256(body)
                : "",
        };
    }

    private static (string Action, string Version, SignatureKind Kind) Identify(ApiParameters parameters, IHeaderDictionary headers)
    {
        if (parameters.NonEmpty("Action") is { } action)
        {
            return (action, parameters.NonEmpty("Version") ?? throw CommonErrors.Missing("Version"), SignatureKind.V2);
        }

        var headerAction = headers["x-acs-action"].ToString();
        if (headerAction.Length > 0)
        {
            var headerVersion = headers["x-acs-version"].ToString();
            return (headerAction, headerVersion.Length > 0 ? headerVersion : throw CommonErrors.Missing("Version"), SignatureKind.V3);
        }

        throw CommonErrors.MissingAction();
    }

    private static bool IsForm(string? contentType) =>
        contentType is not null && contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength == 0)
        {
            return [];
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw CommonErrors.InvalidParameter("Body", "The request body is too large.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
