using Ccm.Kube.Client;
using k8s;
using k8s.Models;

namespace Ccm.Grains.Services;

/// <summary>A ready, non-terminating pod address of a Service, with the node it runs on and its ports by name.</summary>
public sealed record ReadyEndpoint(string Ip, string? NodeName, IReadOnlyDictionary<string, int> PortsByName)
{
    /// <summary>
    /// The Service's ready endpoints from its EndpointSlices of one address family (IPv4 unless the Service's backends
    /// are IPv6, upstream's <c>backend-ip-version</c>; a dual-stack Service has a slice of each): terminating ones
    /// skipped, a nil <c>ready</c> read as ready (the API's rule), each IP once (slices may overlap while the controller
    /// moves endpoints between them). An unready endpoint of an <paramref name="admittedPods"/> pod counts as ready: its pod
    /// waits only for this Service's readiness gate (<see cref="ReadinessGate"/>).
    /// </summary>
    public static IReadOnlyList<ReadyEndpoint> From(IReadOnlyList<V1EndpointSlice> slices, bool ipv6 = false, IReadOnlySet<string>? admittedPods = null)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<ReadyEndpoint>();
        foreach (var slice in slices.Where(s => ipv6 ? s.AddressType == "IPv6" : s.AddressType is null or "IPv4"))
        {
            var ports = (slice.Ports ?? [])
                .Where(p => p.Port is not null)
                .GroupBy(p => p.Name ?? "", StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Port!.Value, StringComparer.Ordinal);
            foreach (var endpoint in slice.Endpoints ?? [])
            {
                if (endpoint.Conditions?.Terminating == true
                    || (endpoint.Conditions?.Ready == false && admittedPods?.Contains(endpoint.TargetRef?.Uid ?? "") != true)
                    || endpoint.Addresses is not { Count: > 0 } addresses || !seen.Add(addresses[0]))
                {
                    continue;
                }

                result.Add(new ReadyEndpoint(addresses[0], endpoint.NodeName, ports));
            }
        }

        return result;
    }

    /// <summary>The pod's port for a Service port: the slice port of the same name, else a numeric target port, else the port.</summary>
    public int TargetPort(V1ServicePort port) =>
        PortsByName.TryGetValue(port.Name ?? "", out var number) ? number : port.TargetPort.Number() ?? port.Port;
}
