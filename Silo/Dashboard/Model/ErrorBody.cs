namespace Ccm.Silo.Dashboard.Model;

/// <summary>
/// The body of a refusal or a miss: what went wrong and what to do about it. <see cref="Auth"/> tells the page
/// which credentials to ask for (<c>token</c>, <c>basic</c>).
/// </summary>
public sealed record ErrorBody(string Error, string? Hint = null, string? Auth = null, IReadOnlyList<PeerStatus>? Silos = null);
