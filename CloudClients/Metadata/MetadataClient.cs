using System.Globalization;
using System.Net;
using System.Text.Json;
using Ccm.CloudClients.Endpoints;
using Microsoft.Extensions.Logging;

namespace Ccm.CloudClients.Metadata;

/// <summary>
/// Reads the ECS metadata service, with the IMDSv2 session token when enabled, and retries briefly (the service is
/// local: it either answers fast or is not there). The token is a credential: it is never logged.
/// </summary>
public sealed class MetadataClient : IMetadataClient, IDisposable
{
    internal const string TokenHeader = "X-aliyun-ecs-metadata-token";
    internal const string TokenTtlHeader = "X-aliyun-ecs-metadata-token-ttl-seconds";

    private readonly HttpClient http;
    private readonly MetadataOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly SemaphoreSlim tokenLock = new(1, 1);
    private string? token;
    private DateTimeOffset tokenRenewAt;

    public MetadataClient(HttpClient http, MetadataOptions options, CloudEnvironment environment, TimeProvider time, ILogger<MetadataClient> logger)
    {
        this.http = http;
        this.options = options;
        this.time = time;
        this.logger = logger;
        BaseAddress = NormalizeBase(environment.Get(CloudEnvironment.MetadataEndpoint) ?? options.Endpoint);
    }

    /// <summary>The resolved base address (<c>METADATA_ENDPOINT</c> over the option over the fixed default).</summary>
    public Uri BaseAddress { get; }

    public Task<string> GetAsync(string item, CancellationToken cancellationToken) => GetTextAsync("latest/meta-data/" + item, cancellationToken);

    public async Task<IReadOnlyList<string>> GetRamRolesAsync(CancellationToken cancellationToken)
    {
        var text = await GetAsync(MetadataItems.RamRoles, cancellationToken);
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public async Task<RoleCredentialsDocument> GetRoleCredentialsAsync(string roleName, CancellationToken cancellationToken)
    {
        var text = await GetAsync(MetadataItems.RamRoleCredentials(roleName), cancellationToken);
        RoleCredentialsWire? wire;
        try
        {
            wire = JsonSerializer.Deserialize(text, MetadataJsonContext.Default.RoleCredentialsWire);
        }
        catch (JsonException)
        {
            // The JsonException message can quote the document, which holds secrets: drop it, keep the fact.
            wire = null;
        }

        return wire is null
            ? throw new Credentials.CredentialsUnavailableException($"metadata credentials for RAM role '{roleName}' are not valid JSON")
            : RoleCredentialsDocument.FromWire(wire, roleName);
    }

    private async Task<string> GetTextAsync(string path, CancellationToken cancellationToken)
    {
        var last = "no attempt";
        for (var attempt = 1; attempt <= options.MaxAttempts; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseAddress, path));
                if (options.EnableImdsV2)
                {
                    request.Headers.Add(TokenHeader, await GetTokenAsync(cancellationToken));
                }

                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(options.RequestTimeout);
                using var response = await http.SendAsync(request, timeout.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return (await response.Content.ReadAsStringAsync(timeout.Token)).Trim();
                }

                // 401/403 with a token means it expired or was revoked: fetch a new one on the next attempt.
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    token = null;
                }

                last = "HTTP " + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is HttpRequestException or MetadataUnavailableException
                                           || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                last = ex is OperationCanceledException ? "timeout" : ex.GetType().Name;
            }

            logger.LogDebug("Metadata {Path} attempt {Attempt} failed: {Reason}", path, attempt, last);
            if (attempt < options.MaxAttempts)
            {
                await Task.Delay(options.RetryDelay * attempt, time, cancellationToken);
            }
        }

        throw new MetadataUnavailableException($"metadata item '{path}' unavailable after {options.MaxAttempts} attempts (last: {last})");
    }

    private async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        await tokenLock.WaitAsync(cancellationToken);
        try
        {
            if (token is not null && time.GetUtcNow() < tokenRenewAt)
            {
                return token;
            }

            using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(BaseAddress, "latest/api/token"));
            request.Headers.Add(TokenTtlHeader, ((int)options.TokenTtl.TotalSeconds).ToString(CultureInfo.InvariantCulture));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.RequestTimeout);
            using var response = await http.SendAsync(request, timeout.Token);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new MetadataUnavailableException($"metadata token request answered HTTP {(int)response.StatusCode}");
            }

            token = (await response.Content.ReadAsStringAsync(timeout.Token)).Trim();
            // Renew with a tenth of the lifetime left, so a token never expires between fetch and use.
            tokenRenewAt = time.GetUtcNow() + (options.TokenTtl * 0.9);
            return token;
        }
        finally
        {
            tokenLock.Release();
        }
    }

    public void Dispose() => tokenLock.Dispose();

    private static Uri NormalizeBase(string endpoint)
    {
        var text = endpoint.Contains("://", StringComparison.Ordinal) ? endpoint : "http://" + endpoint;
        return new Uri(text.TrimEnd('/') + "/");
    }
}
