using System.Reflection;
using k8s;
using k8s.Models;

namespace Ccm.Kube.Client;

/// <summary>References to objects, as Events name what they are about.</summary>
public static class ObjectReferences
{
    /// <summary>
    /// The reference to <paramref name="obj"/>: kind and apiVersion from the object, or from its model's
    /// <see cref="KubernetesEntityAttribute"/> when it carries none (objects built in code).
    /// </summary>
    public static V1ObjectReference For<T>(T obj)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        var entity = typeof(T).GetCustomAttribute<KubernetesEntityAttribute>();
        var apiVersion = entity is null ? null : entity.Group.Length == 0 ? entity.ApiVersion : $"{entity.Group}/{entity.ApiVersion}";
        return new V1ObjectReference
        {
            ApiVersion = string.IsNullOrEmpty(obj.ApiVersion) ? apiVersion : obj.ApiVersion,
            Kind = string.IsNullOrEmpty(obj.Kind) ? entity?.Kind : obj.Kind,
            Name = obj.Metadata?.Name,
            NamespaceProperty = obj.Metadata?.NamespaceProperty,
            Uid = obj.Metadata?.Uid,
            ResourceVersion = obj.Metadata?.ResourceVersion,
        };
    }
}
