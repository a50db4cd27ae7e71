using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Ccm.CloudClients.Credentials;

namespace Ccm.CloudClients.Transport;

/// <summary>The outcome of one attempt: a parsed body, or the failure to classify.</summary>
internal readonly record struct AttemptResult<T>(T? Value, CallFailure? Failure, Exception? Error);

/// <summary>
/// One signed request and its answer, classified. No retries and no logging here: the transport decides what a
/// failure means. Every message that leaves this class went through <see cref="ServerMessage.Sanitize"/>. The timeout
/// runs on the injected clock and starts here, after the caller's permit was granted: waiting for budget is not
/// counted against an attempt.
/// </summary>
internal sealed class OpenApiExchange(HttpClient http, IRequestSigner signer, TimeProvider time)
{
    public async Task<AttemptResult<T>> SendAsync<T>(SigningInput input, JsonTypeInfo<T> responseType, TimeSpan timeout, CancellationToken cancellationToken)
        where T : class, IOpenApiResponse
    {
        using var request = signer.Create(input);
        using var timer = new CancellationTokenSource(timeout, time);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeoutSource.Token);
            var body = await response.Content.ReadAsByteArrayAsync(timeoutSource.Token);
            var status = (int)response.StatusCode;
            if (status is >= 200 and < 300)
            {
                return Parse(body, responseType, status);
            }

            return new(default, ToFailure(status, body, RateLimitHeaders.TimeLeft(response.Headers), input.Credential), null);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new(default, CallFailure.TimedOut(timeout), ex);
        }
        catch (HttpRequestException ex)
        {
            // These three fail before a byte of the request is written; anything else may have reached the service.
            var sent = ex.HttpRequestError is not (HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError);
            return new(default, CallFailure.Connection(sent, ex.HttpRequestError.ToString()), ex);
        }
    }

    private static AttemptResult<T> Parse<T>(byte[] body, JsonTypeInfo<T> responseType, int status)
        where T : class, IOpenApiResponse
    {
        try
        {
            var value = JsonSerializer.Deserialize(body, responseType);
            if (value is not null)
            {
                return new(value, null, null);
            }
        }
        catch (JsonException ex)
        {
            return new(default, Invalid(status, Malformed(body, ex)), null);
        }

        return new(default, Invalid(status, "malformed answer: the body is empty"), null);
    }

    /// <summary>
    /// Why a 2xx body could not be read, in words an operator can act on: not JSON at all (a proxy's or gateway's HTML
    /// page), JSON that breaks off or is corrupt (a cut connection, a truncating proxy), or well-formed JSON whose field
    /// has another type than the action's answer has (an API change). Only positions and paths, never the body itself.
    /// </summary>
    private static string Malformed(byte[] body, JsonException ex)
    {
        var start = body.AsSpan().TrimStart(" \t\r\n\uFEFF"u8);
        if (start.IsEmpty)
        {
            return "malformed answer: the body is empty";
        }

        if (start[0] == (byte)'<')
        {
            return $"malformed answer: the body is not JSON but markup ({body.Length} bytes starting with '<', e.g. an HTML error page from a proxy or gateway)";
        }

        try
        {
            using var document = JsonDocument.Parse(body);
        }
        catch (JsonException corrupt)
        {
            return $"malformed answer: the body is not well-formed JSON (it breaks off or is corrupt at line {(corrupt.LineNumber ?? 0) + 1}, byte {corrupt.BytePositionInLine ?? 0}, of {body.Length} bytes: a truncated answer?)";
        }

        // The path says where the body diverged from the model.
        return $"malformed answer: field {ex.Path ?? "$"} has another JSON type than the model expects";
    }

    private static CallFailure Invalid(int status, string message) =>
        new(FailureKind.Service, OpenApiErrorCodes.ClientInvalidResponse, message, status, null);

    private static CallFailure ToFailure(int status, byte[] body, TimeSpan? timeLeft, CloudCredential credential)
    {
        ErrorBody? error = null;
        try
        {
            error = JsonSerializer.Deserialize(body, TransportJsonContext.Default.ErrorBody);
        }
        catch (JsonException)
        {
            // A proxy's HTML page or a truncated body: classified by status below.
        }

        if (string.IsNullOrEmpty(error?.Code))
        {
            var code = OpenApiErrorCodes.HttpStatusPrefix + status.ToString(CultureInfo.InvariantCulture);
            return CallFailure.Service(status, code, "error response without an OpenAPI error body", error?.RequestId, timeLeft);
        }

        return CallFailure.Service(status, error.Code, ServerMessage.Sanitize(error.Message, SensitiveValues(credential)), error.RequestId, timeLeft);
    }

    private static IEnumerable<string> SensitiveValues(CloudCredential credential)
    {
        yield return credential.AccessKeyId;
        yield return credential.AccessKeySecret.Reveal();
        if (credential.SecurityToken is { } token)
        {
            yield return token.Reveal();
        }
    }
}
