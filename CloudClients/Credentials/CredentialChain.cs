using Ccm.CloudClients.Endpoints;
using Ccm.CloudClients.Metadata;
using Microsoft.Extensions.Logging;

namespace Ccm.CloudClients.Credentials;

/// <summary>
/// Picks the credential source in the upstream CCM's order (<c>base/clientMgr.go GetTokenAuth</c>): explicit
/// AccessKey pair, then <c>ACCESS_KEY_ID</c>/<c>ACCESS_KEY_SECRET</c>, then the ECS instance's RAM role. The choice
/// is made once from what is configured, as upstream does; it does not fall through at call time, so a wrong key
/// fails loudly instead of silently switching identity.
/// </summary>
public static class CredentialChain
{
    public static ICredentialProvider Create(
        CredentialOptions options, CloudEnvironment environment, Func<IMetadataClient> metadata, TimeProvider time, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(CredentialChain));
        if (Pair(options.AccessKeyId, options.AccessKeySecret, "configured", logger) is var (id, secret))
        {
            var token = string.IsNullOrEmpty(options.SecurityToken) ? null : new SecretString(options.SecurityToken);
            logger.LogInformation("Cloud credentials: {CredentialSource} AccessKey pair{Sts}", CredentialSource.Static, token is null ? "" : " with STS token");
            return new StaticCredentialProvider(new CloudCredential(id, secret, token, null, CredentialSource.Static));
        }

        if (Pair(environment.Get(CloudEnvironment.AccessKeyId), environment.Get(CloudEnvironment.AccessKeySecret), "environment", logger) is var (envId, envSecret))
        {
            logger.LogInformation("Cloud credentials: {CredentialSource} AccessKey pair", CredentialSource.Environment);
            return new StaticCredentialProvider(new CloudCredential(envId, envSecret, null, null, CredentialSource.Environment));
        }

        logger.LogInformation("Cloud credentials: {CredentialSource} from the ECS metadata service", CredentialSource.RamRole);
        return new RamRoleCredentialProvider(metadata(), time, loggers.CreateLogger<RamRoleCredentialProvider>(), options.RamRoleName);
    }

    // Both halves or nothing: a half-set pair is a configuration mistake worth a warning (never the values).
    private static (string Id, SecretString Secret)? Pair(string? id, string? secret, string where, ILogger logger)
    {
        var hasId = !string.IsNullOrWhiteSpace(id);
        var hasSecret = !string.IsNullOrWhiteSpace(secret);
        if (hasId && hasSecret)
        {
            return (id!.Trim(), new SecretString(secret!.Trim()));
        }

        if (hasId != hasSecret)
        {
            logger.LogWarning("Ignoring the {Where} AccessKey pair: {Missing} is missing", where, hasId ? "the secret" : "the id");
        }

        return null;
    }
}
