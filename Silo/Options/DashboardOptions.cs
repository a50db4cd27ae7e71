namespace Ccm.Silo.Options;

/// <summary>How the dashboard authenticates its users.</summary>
public enum DashboardAuth
{
    Token,
    Basic,
    None,
}

public sealed record DashboardOptions
{
    /// <summary>Token outside the sandbox, none inside it, unless <c>--dashboard-auth</c> says otherwise.</summary>
    public DashboardAuth Auth { get; init; }

    public string? TokenFile { get; init; }

    /// <summary>A file holding <c>user:password</c>; required with <see cref="DashboardAuth.Basic"/>.</summary>
    public string? BasicAuthFile { get; init; }
}
