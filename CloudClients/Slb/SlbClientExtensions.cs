namespace Ccm.CloudClients.Slb;

/// <summary>Batching over the per-call member limit; extensions so fakes of <see cref="ISlbClient"/> need not implement them.</summary>
public static class SlbClientExtensions
{
    /// <summary>
    /// Adds members in calls of at most <paramref name="batchSize"/> (default the documented 20), in order. Stops at
    /// the first failure: the members of earlier batches stay added, and the caller re-reads before planning again.
    /// </summary>
    public static async Task<VServerGroupAttributeResponse?> AddVServerGroupBackendServersInBatchesAsync(
        this ISlbClient client, string vServerGroupId, IReadOnlyList<BackendServer> servers, CancellationToken cancellationToken,
        int batchSize = BackendServerBatches.DocumentedLimit)
    {
        VServerGroupAttributeResponse? last = null;
        foreach (var batch in BackendServerBatches.Split(servers, batchSize))
        {
            last = await client.AddVServerGroupBackendServersAsync(new VServerGroupBackendServersRequest(vServerGroupId, batch), cancellationToken);
        }

        return last;
    }

    /// <summary>Removes members in calls of at most <paramref name="batchSize"/>; same failure rule as adding.</summary>
    public static async Task<VServerGroupAttributeResponse?> RemoveVServerGroupBackendServersInBatchesAsync(
        this ISlbClient client, string vServerGroupId, IReadOnlyList<BackendServer> servers, CancellationToken cancellationToken,
        int batchSize = BackendServerBatches.DocumentedLimit)
    {
        VServerGroupAttributeResponse? last = null;
        foreach (var batch in BackendServerBatches.Split(servers, batchSize))
        {
            last = await client.RemoveVServerGroupBackendServersAsync(new VServerGroupBackendServersRequest(vServerGroupId, batch), cancellationToken);
        }

        return last;
    }
}
