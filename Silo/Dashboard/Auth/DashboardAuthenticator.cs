using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Ccm.Silo.Dashboard.Model;
using Ccm.Silo.Options;
using Microsoft.Extensions.Logging;

namespace Ccm.Silo.Dashboard.Auth;

/// <summary>
/// The dashboard's gate (<c>--dashboard-auth</c>): a bearer token or basic credentials read from a file, compared in
/// constant time; <c>none</c> only when asked for (or in the sandbox). With a mode that needs credentials and none
/// readable, every request is refused with a 401 that says how to configure them: secure by default. In token mode a
/// browser may instead hold a session cookie, issued for the token (<see cref="DashboardSessions"/>).
/// </summary>
internal sealed class DashboardAuthenticator
{
    public const string Realm = "ccm-dashboard";

    /// <summary>How often the credential file is re-read, so a rotated Secret takes effect quickly.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);

    private readonly CredentialFile? file;
    private readonly DashboardSessions sessions;
    private readonly bool sandbox;

    public DashboardAuthenticator(SiloOptions options, TimeProvider time, ILogger<DashboardAuthenticator> logger)
    {
        Mode = options.Dashboard.Auth;
        sandbox = options.Sandbox;
        sessions = new DashboardSessions(time);
        file = Mode switch
        {
            DashboardAuth.Token when options.Dashboard.TokenFile is { } path => new CredentialFile(path, ValidateToken, time, RefreshInterval, logger),
            DashboardAuth.Basic when options.Dashboard.BasicAuthFile is { } path => new CredentialFile(path, ValidateBasic, time, RefreshInterval, logger),
            _ => null,
        };
    }

    public DashboardAuth Mode { get; }

    public string ModeName => Mode.ToString().ToLowerInvariant();

    /// <summary>True when the mode needs no credentials or they could be read.</summary>
    public bool CredentialsConfigured => Mode == DashboardAuth.None || file?.CurrentHash() is not null;

    /// <summary>The page shell holds no data: in token mode a browser may load it and then ask its user for the token.</summary>
    public AuthDecision CheckShell(string? authorization) =>
        Mode == DashboardAuth.Token && CredentialsConfigured ? AuthDecision.Allow : Check(authorization);

    /// <summary>
    /// Checks an <c>Authorization</c> header against the configured credentials; without one, in token mode, the session
    /// cookie's value (<paramref name="session"/>). A header that is present decides alone.
    /// </summary>
    public AuthDecision Check(string? authorization, string? session = null)
    {
        if (Mode == DashboardAuth.None)
        {
            return AuthDecision.Allow;
        }

        var expected = file?.CurrentHash();
        if (expected is null)
        {
            return Refuse("The dashboard requires authentication and no credentials are configured.", Unconfigured());
        }

        if (string.IsNullOrEmpty(authorization) && Mode == DashboardAuth.Token && !string.IsNullOrEmpty(session))
        {
            return sessions.IsValid(session, expected)
                ? AuthDecision.Allow
                : Refuse("The sign-in session has expired or was ended.", "Sign in again with the token.");
        }

        if (!AuthenticationHeaderValue.TryParse(authorization, out var header) || header.Parameter is null)
        {
            return Refuse("Authentication required.", Mode == DashboardAuth.Token
                ? "Send 'Authorization: Bearer <token>', the token held in the file --dashboard-token-file names."
                : "Send basic credentials (user:password) as held in the file --dashboard-basic-auth-file names.");
        }

        var presented = Presented(header);
        return presented is not null && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), expected)
            ? AuthDecision.Allow
            : Refuse("The credentials were not accepted.", null);
    }

    /// <summary>
    /// Token mode's sign-in: a new session cookie when <paramref name="token"/> is the configured token, else null.
    /// </summary>
    public (string Value, DateTimeOffset Expires)? StartSession(string? token)
    {
        var expected = Mode == DashboardAuth.Token ? file?.CurrentHash() : null;
        return expected is not null && !string.IsNullOrWhiteSpace(token)
            && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim())), expected)
            ? sessions.Issue(expected)
            : null;
    }

    /// <summary>What the operator reads once at start.</summary>
    public void LogStartup(ILogger logger)
    {
        if (Mode == DashboardAuth.None)
        {
            if (!sandbox)
            {
                logger.LogWarning("The dashboard serves without authentication (--dashboard-auth=none): anyone who reaches its address can read it");
            }

            return;
        }

        if (file is null || file.CurrentHash() is null)
        {
            logger.LogWarning("The dashboard requires {Mode} authentication and has no credentials: every request is refused with 401. {Hint}", ModeName, Unconfigured());
        }
        else
        {
            logger.LogInformation("The dashboard requires {Mode} authentication with the credentials in {Path}", ModeName, file.Path);
        }
    }

    private string? Presented(AuthenticationHeaderValue header)
    {
        if (Mode == DashboardAuth.Token)
        {
            return header.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) ? header.Parameter!.Trim() : null;
        }

        if (!header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter!));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private string Unconfigured() => Mode == DashboardAuth.Token
        ? file is null
            ? "Start the silo with --dashboard-token-file=FILE (a file holding the token, e.g. a mounted Secret), or choose --dashboard-auth=basic with --dashboard-basic-auth-file=FILE, or --dashboard-auth=none to serve it openly."
            : $"The token file {file.Path} is missing or empty: {file.Problem}."
        : $"The basic-auth file {file?.Path} must hold user:password: {file?.Problem}.";

    private AuthDecision Refuse(string error, string? hint) => AuthDecision.Refuse(
        new ErrorBody(error, hint, CredentialsConfigured ? ModeName : "unconfigured"),
        Mode == DashboardAuth.Token ? $"Bearer realm=\"{Realm}\"" : $"Basic realm=\"{Realm}\", charset=\"UTF-8\"");

    private static string? ValidateToken(string value) => value.Length == 0 ? "the file is empty" : null;

    private static string? ValidateBasic(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 || colon == value.Length - 1 || value.Contains('\n', StringComparison.Ordinal) ? "the file must hold one line user:password" : null;
    }
}
