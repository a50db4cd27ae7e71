namespace Ccm.Silo.Dashboard.Model;

/// <summary>
/// One silo a cluster-wide answer was assembled from. <see cref="Error"/> says why a peer is missing from it
/// (unreachable, timed out, refused the credentials, advertises no address); the rest of the answer still stands.
/// </summary>
public sealed record PeerStatus(string Name, string? Address, bool IsSelf, string? Error = null);
