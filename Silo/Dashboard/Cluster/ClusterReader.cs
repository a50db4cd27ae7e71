using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Ccm.Silo.Dashboard.Local;
using Ccm.Silo.Dashboard.Model;

namespace Ccm.Silo.Dashboard.Cluster;

/// <summary>
/// Assembles cluster-wide answers: this silo's part read directly, each peer's read over HTTP from its
/// <c>/api/local/...</c> (in parallel, short timeout, the caller's credentials forwarded). A peer that cannot be read
/// is named with its error and the answer goes on without it.
/// </summary>
internal sealed class ClusterReader(LocalViews local, PeerClient client)
{
    /// <summary>This silo's value first, then every peer's.</summary>
    public async Task<IReadOnlyList<SiloAnswer<T>>> ReadAsync<T>(Func<Task<T>> own, string path, JsonTypeInfo<T> type, PeerCredentials credentials)
        where T : class
    {
        var peers = local.Peers().Select(async member =>
        {
            var status = new PeerStatus(member.Name, member.Address, IsSelf: false);
            if (member.Address is null)
            {
                return new SiloAnswer<T>(status with { Error = "it advertises no dashboard address in its silo metadata (set POD_IP, or bind --dashboard-bind-addr to a specific address and port)" }, null);
            }

            var response = await client.GetAsync(member.Address, path, credentials);
            return response.IsOk
                ? Parse(status, response.Json, type)
                : new SiloAnswer<T>(status with { Error = response.Error ?? "it does not serve this path" }, null);
        }).ToList();
        var mine = new SiloAnswer<T>(new PeerStatus(local.SiloName, null, IsSelf: true), await own());
        return [mine, .. await Task.WhenAll(peers)];
    }

    public Task<IReadOnlyList<SiloAnswer<T>>> ReadAsync<T>(Func<T> own, string path, JsonTypeInfo<T> type, PeerCredentials credentials)
        where T : class => ReadAsync(() => Task.FromResult(own()), path, type, credentials);

    /// <summary>
    /// One grain's detail: from this silo when it runs the grain, else from the first peer that does, relayed as the
    /// peer serialised it. Null (with every silo's status) when no silo has it.
    /// </summary>
    public async Task<(ReadOnlyMemory<byte>? Json, IReadOnlyList<PeerStatus> Silos)> FindAsync(Func<byte[]?> own, string path, PeerCredentials credentials)
    {
        var self = new PeerStatus(local.SiloName, null, IsSelf: true);
        if (own() is { } json)
        {
            return (json, [self]);
        }

        var reads = local.Peers().Select(async member =>
        {
            var status = new PeerStatus(member.Name, member.Address, IsSelf: false);
            if (member.Address is null)
            {
                return (status with { Error = "no dashboard address advertised" }, (PeerResponse?)null);
            }

            var response = await client.GetAsync(member.Address, path, credentials);
            return (status with { Error = response.Error }, response);
        }).ToList();
        var answers = await Task.WhenAll(reads);
        var found = answers.FirstOrDefault(a => a.Item2?.IsOk == true);
        return (found.Item2?.Json, [self, .. answers.Select(a => a.Item1)]);
    }

    private static SiloAnswer<T> Parse<T>(PeerStatus status, ReadOnlyMemory<byte> json, JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return new SiloAnswer<T>(status, JsonSerializer.Deserialize(json.Span, type));
        }
        catch (JsonException e)
        {
            return new SiloAnswer<T>(status with { Error = $"its answer could not be read: {e.Message}" }, null);
        }
    }
}
