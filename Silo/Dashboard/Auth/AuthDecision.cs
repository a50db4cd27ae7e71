using Ccm.Silo.Dashboard.Model;

namespace Ccm.Silo.Dashboard.Auth;

/// <summary>Whether a request may proceed; when not, the 401 body and the <c>WWW-Authenticate</c> challenge.</summary>
internal readonly record struct AuthDecision(bool Allowed, ErrorBody? Refusal = null, string? Challenge = null)
{
    public static readonly AuthDecision Allow = new(true);

    public static AuthDecision Refuse(ErrorBody body, string challenge) => new(false, body, challenge);
}
