using System.Globalization;
using System.Text.Json.Nodes;
using Ccm.Sandbox.Aliyun.State;

namespace Ccm.Sandbox.Aliyun.Slb;

/// <summary>
/// Writes listeners as JSON driven by <see cref="ListenerSchema"/> (so each setting gets the type the appendix gives it):
/// flat for Describe*ListenerAttribute, and for DescribeLoadBalancerListeners with the protocol settings nested in
/// <c>TCPListenerConfig</c>/<c>UDPListenerConfig</c>/<c>HTTPListenerConfig</c>/<c>HTTPSListenerConfig</c>, where
/// <c>Tags</c> and <c>AclIds</c> are flat arrays and <c>ProxyProtocolV2Enabled</c> is a string (as the API has them).
/// </summary>
internal static class ListenerView
{
    public static JsonObject Attribute(Listener listener, string requestId)
    {
        var json = new JsonObject
        {
            ["RequestId"] = requestId,
            ["LoadBalancerId"] = listener.LoadBalancerId,
            ["ListenerPort"] = listener.ListenerPort,
            ["Status"] = listener.Status,
        };
        foreach (var attribute in ListenerSchema.For(listener.ListenerProtocol))
        {
            Put(json, attribute, listener, asString: false);
        }

        if (listener.Attributes.GetValueOrDefault("AclId") is { } aclId)
        {
            json["AclIds"] = new JsonObject { ["AclId"] = new JsonArray(aclId) };
        }

        if (listener.ListenerProtocol == "https")
        {
            json["DomainExtensions"] = new JsonObject { ["DomainExtension"] = DomainExtensions(listener) };
        }

        json["Tags"] = new JsonObject { ["Tag"] = Tags(listener) };
        return json;
    }

    public static JsonObject Summary(Listener listener)
    {
        var json = new JsonObject
        {
            ["LoadBalancerId"] = listener.LoadBalancerId,
            ["ListenerPort"] = listener.ListenerPort,
            ["ListenerProtocol"] = listener.ListenerProtocol,
            ["Status"] = listener.Status,
        };
        var config = new JsonObject();
        foreach (var attribute in ListenerSchema.For(listener.ListenerProtocol))
        {
            Put(attribute.TopLevel ? json : config, attribute, listener, asString: attribute.Name == "ProxyProtocolV2Enabled");
        }

        json["AclIds"] = listener.Attributes.GetValueOrDefault("AclId") is { } aclId ? new JsonArray(aclId) : new JsonArray();
        json[listener.ListenerProtocol.ToUpperInvariant() + "ListenerConfig"] = config;
        json["Tags"] = Tags(listener);
        return json;
    }

    private static void Put(JsonObject json, ListenerAttribute attribute, Listener listener, bool asString)
    {
        if (!listener.Attributes.TryGetValue(attribute.Name, out var value))
        {
            return;
        }

        json[attribute.Name] = attribute.Kind switch
        {
            _ when asString => value,
            AttributeKind.Int => int.Parse(value, CultureInfo.InvariantCulture),
            AttributeKind.Bool => value == "true",
            _ => value,
        };
    }

    private static JsonArray DomainExtensions(Listener listener) =>
        new([.. listener.DomainExtensions.Select(d => (JsonNode)new JsonObject
        {
            ["DomainExtensionId"] = d.DomainExtensionId, ["Domain"] = d.Domain, ["ServerCertificateId"] = d.ServerCertificateId,
        })]);

    private static JsonArray Tags(Listener listener) =>
        new([.. listener.Tags.Select(t => (JsonNode)new JsonObject { ["TagKey"] = t.Key, ["TagValue"] = t.Value })]);
}
