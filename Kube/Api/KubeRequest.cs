using System.Text;
using Ccm.Kube.Models;

namespace Ccm.Kube.Api;

/// <summary>One request before it is sent: what RBAC sees (<see cref="Call"/>) and what goes on the wire.</summary>
internal sealed record KubeRequest(HttpMethod Method, KubeCall Call, string PathAndQuery)
{
    public ReadOnlyMemory<byte>? Body { get; init; }

    public string? ContentType { get; init; }

    /// <summary>For messages: <c>patch services/status default/web</c>.</summary>
    public string Operation { get; init; } = "";

    public static KubeRequest For(
        HttpMethod method, string verb, KubeResource resource, string? @namespace, string? name, string? subresource,
        IEnumerable<(string Name, string? Value)>? query = null)
    {
        var ns = resource.Namespaced && !string.IsNullOrEmpty(@namespace) ? @namespace : null;
        var path = name is null ? resource.CollectionPath(ns) : resource.ItemPath(ns, name, subresource);
        var call = new KubeCall(verb, resource.Group, resource.Plural, subresource, ns);
        var target = ns is null ? name : name is null ? ns : $"{ns}/{name}";
        return new KubeRequest(method, call, path + QueryString(query))
        {
            Operation = $"{verb} {call.RbacResource}{(resource.Group.Length == 0 ? "" : "." + resource.Group)}{(target is null ? "" : " " + target)}",
        };
    }

    private static string QueryString(IEnumerable<(string Name, string? Value)>? query)
    {
        if (query is null)
        {
            return "";
        }

        var builder = new StringBuilder();
        foreach (var (key, value) in query)
        {
            if (value is null)
            {
                continue;
            }

            builder.Append(builder.Length == 0 ? '?' : '&').Append(key).Append('=').Append(Uri.EscapeDataString(value));
        }

        return builder.ToString();
    }
}
