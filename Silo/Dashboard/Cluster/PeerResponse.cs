namespace Ccm.Silo.Dashboard.Cluster;

/// <summary>What a peer answered: its JSON, a miss (404), or why it could not be read.</summary>
internal sealed record PeerResponse(ReadOnlyMemory<byte> Json, bool NotFound, string? Error)
{
    public static PeerResponse Ok(byte[] json) => new(json, false, null);

    public static readonly PeerResponse Missing = new(ReadOnlyMemory<byte>.Empty, true, null);

    public static PeerResponse Failed(string error) => new(ReadOnlyMemory<byte>.Empty, false, error);

    public bool IsOk => Error is null && !NotFound;
}
