using System.Collections.Immutable;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Ccm.Silo.Hosting;

/// <summary>A listener once bound: its route sets and the URL it answers on (the real port when 0 was asked).</summary>
public sealed record BoundListener(ListenerRoles Roles, Uri Url);

/// <summary>
/// The silo's listeners: what was planned from the flags and, once the server has started, where each one is bound.
/// The sandbox prints these URLs; tests read them to find dynamic ports.
/// </summary>
public sealed class SiloListeners(ImmutableArray<PlannedListener> planned)
{
    private readonly List<(PlannedListener Planned, ListenOptions Listen)> attached = [];

    public ImmutableArray<PlannedListener> Planned { get; } = planned;

    /// <summary>The bound listeners; meaningful after the host has started.</summary>
    public IReadOnlyList<BoundListener> Bound
    {
        get
        {
            lock (attached)
            {
                // Kestrel writes the port it actually bound back into the ListenOptions' endpoint.
                return [.. attached.Select(a => new BoundListener(a.Planned.Roles, new Uri(a.Planned.Address.ToUrl(a.Listen.IPEndPoint?.Port ?? a.Planned.Address.Port))))];
            }
        }
    }

    /// <summary>The URL serving <paramref name="role"/>, or null when that role is disabled.</summary>
    public Uri? UrlOf(ListenerRoles role) => Bound.FirstOrDefault(b => b.Roles.HasFlag(role))?.Url;

    internal void Attach(PlannedListener listener, ListenOptions listen)
    {
        lock (attached)
        {
            attached.Add((listener, listen));
        }
    }
}
