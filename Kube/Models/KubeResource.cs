namespace Ccm.Kube.Models;

/// <summary>
/// Where a kind lives in the REST API: <c>/api/v1/...</c> for the core group, <c>/apis/{group}/{version}/...</c>
/// otherwise; namespaced kinds sit under <c>namespaces/{ns}/</c>. <paramref name="Plural"/> is also the RBAC
/// resource name.
/// </summary>
public sealed record KubeResource(string Group, string Version, string Plural, string Kind, bool Namespaced)
{
    /// <summary><c>v1</c> for the core group, else <c>group/version</c> (the object's <c>apiVersion</c>).</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The path of the collection, in one namespace (or all when null), e.g. <c>/api/v1/namespaces/ns/services</c>.</summary>
    public string CollectionPath(string? @namespace)
    {
        var root = Group.Length == 0 ? "/api/v1" : $"/apis/{Group}/{Version}";
        if (!Namespaced || string.IsNullOrEmpty(@namespace))
        {
            return $"{root}/{Plural}";
        }

        return $"{root}/namespaces/{Uri.EscapeDataString(@namespace)}/{Plural}";
    }

    /// <summary>The path of one object, optionally of its subresource (e.g. <c>status</c>).</summary>
    public string ItemPath(string? @namespace, string name, string? subresource = null)
    {
        if (Namespaced && string.IsNullOrEmpty(@namespace))
        {
            throw new ArgumentException($"{Plural} are namespaced; a namespace is required", nameof(@namespace));
        }

        var path = $"{CollectionPath(@namespace)}/{Uri.EscapeDataString(name)}";
        return subresource is null ? path : $"{path}/{subresource}";
    }

    public override string ToString() => Group.Length == 0 ? Plural : $"{Plural}.{Group}";
}
