using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Ccm.Sandbox.Aliyun.Protocol;
using Ccm.Sandbox.Aliyun.State;

namespace Ccm.Sandbox.Aliyun.Slb;

/// <summary>
/// CreateDomainExtension, DeleteDomainExtension, DescribeDomainExtensions and SetDomainExtensionAttribute: the extra SNI
/// domains of an HTTPS listener, each with its own server certificate (upstream's <c>domain-extensions</c> annotation,
/// <c>pkg/provider/alibaba/slb/cert.go</c>). Only an existing HTTPS listener takes them; anything else is the listener
/// not-found error. Certificates are not modelled, so any certificate id is accepted, as for HTTPS listeners.
/// </summary>
internal static partial class DomainExtensionActions
{
    public static ApiResult Create(ActionContext c)
    {
        c.CheckRegion(required: true);
        var p = c.Parameters;
        var id = p.Required("LoadBalancerId");
        var port = ListenerActions.Port(p);
        var domain = Domain(p);
        var certificate = p.Required("ServerCertificateId");
        var created = c.Store.Update(s =>
        {
            var (lb, listener) = HttpsListener(s, id, port);
            if (listener.DomainExtensions.Any(d => d.Domain.Equals(domain, StringComparison.OrdinalIgnoreCase)))
            {
                throw SlbErrors.DomainExtensionAlreadyExists(domain);
            }

            (var extensionId, s) = s.NextId("de");
            var extension = new DomainExtension(extensionId, domain, certificate);
            var changed = listener with { DomainExtensions = listener.DomainExtensions.Add(extension) };
            return (s.With(lb with { Listeners = lb.Listeners.SetItem(changed.Key, changed) }), extension);
        });
        return ApiResult.Of(new CreateDomainExtensionResponse(c.RequestId, port, created.DomainExtensionId), SlbJson.Default.CreateDomainExtensionResponse);
    }

    public static ApiResult Delete(ActionContext c) =>
        Change(c, (listener, extension) => listener.DomainExtensions.Remove(extension));

    public static ApiResult SetAttribute(ActionContext c)
    {
        var certificate = c.Parameters.Required("ServerCertificateId");
        return Change(c, (listener, extension) => listener.DomainExtensions.Replace(extension, extension with { ServerCertificateId = certificate }));
    }

    /// <summary>The extensions of one listener (<c>ListenerPort</c>) or of every HTTPS listener of the CLB, optionally one id.</summary>
    public static ApiResult Describe(ActionContext c)
    {
        c.CheckRegion(required: true);
        var p = c.Parameters;
        var s = c.Store.Current;
        var lb = SlbLookup.LoadBalancer(s, p.Required("LoadBalancerId"));
        var listeners = p.Int("ListenerPort") is { } port
            ? [HttpsListener(s, lb.LoadBalancerId, port).Listener]
            : lb.Listeners.Values.Where(l => l.ListenerProtocol == "https").ToList();
        var wanted = p.NonEmpty("DomainExtensionId");
        var items = listeners.SelectMany(l => l.DomainExtensions)
            .Where(d => wanted is null || d.DomainExtensionId == wanted)
            .Select(d => new DomainExtensionItem(d.DomainExtensionId, d.Domain, d.ServerCertificateId));
        return ApiResult.Of(new DescribeDomainExtensionsResponse(c.RequestId, new DomainExtensionSet([.. items])),
            SlbJson.Default.DescribeDomainExtensionsResponse);
    }

    private static ApiResult Change(ActionContext c, Func<Listener, DomainExtension, ImmutableArray<DomainExtension>> change)
    {
        c.CheckRegion(required: true);
        var id = c.Parameters.Required("DomainExtensionId");
        c.Store.Update(s =>
        {
            var (lb, listener, extension) = Find(s, id);
            var changed = listener with { DomainExtensions = change(listener, extension) };
            return s.With(lb with { Listeners = lb.Listeners.SetItem(changed.Key, changed) });
        });
        return ApiResult.Of(new RequestIdResponse(c.RequestId), WireJson.Default.RequestIdResponse);
    }

    private static (LoadBalancer LoadBalancer, Listener Listener) HttpsListener(CloudSnapshot s, string loadBalancerId, int port)
    {
        var lb = SlbLookup.LoadBalancer(s, loadBalancerId);
        var listener = lb.Listeners.GetValueOrDefault(Listener.KeyOf(port, "https")) ?? throw SlbErrors.ListenerNotFound();
        return (lb, listener);
    }

    private static (LoadBalancer, Listener, DomainExtension) Find(CloudSnapshot s, string domainExtensionId)
    {
        foreach (var lb in s.LoadBalancers.Values)
        {
            foreach (var listener in lb.Listeners.Values)
            {
                if (listener.DomainExtensions.FirstOrDefault(d => d.DomainExtensionId == domainExtensionId) is { } extension)
                {
                    return (lb, listener, extension);
                }
            }
        }

        throw SlbErrors.DomainExtensionNotFound();
    }

    /// <summary>A host name, or a wildcard one (<c>*.example.com</c>), as an SNI certificate can cover.</summary>
    private static string Domain(ApiParameters p)
    {
        var domain = p.Required("Domain");
        return domain.Length <= 253 && DomainName().IsMatch(domain)
            ? domain
            : throw CommonErrors.InvalidParameter("Domain", $"The specified Domain \"{domain}\" is not a valid domain name.");
    }

    [GeneratedRegex(@"^(\*\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DomainName();
}
