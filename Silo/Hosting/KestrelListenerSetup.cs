using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Ccm.Silo.Hosting;

/// <summary>Binds one Kestrel listener per planned address and stamps it with the route sets it serves.</summary>
internal sealed class KestrelListenerSetup(SiloListeners listeners) : IConfigureOptions<KestrelServerOptions>
{
    public void Configure(KestrelServerOptions options)
    {
        options.AddServerHeader = false;
        foreach (var planned in listeners.Planned)
        {
            void Setup(ListenOptions listen)
            {
                ListenerRouting.Stamp(listen, planned.Roles);
                listeners.Attach(planned, listen);
            }

            var address = planned.Address;
            if (address.Host.Length == 0)
            {
                options.ListenAnyIP(address.Port, Setup);
            }
            else if (address.Host == "localhost")
            {
                options.ListenLocalhost(address.Port, Setup);
            }
            else
            {
                options.Listen(IPAddress.Parse(address.Host), address.Port, Setup);
            }
        }
    }
}
