using System.Text.Json.Serialization.Metadata;

namespace Ccm.Kube.Models;

/// <summary>Any persisted Kubernetes object: <c>apiVersion</c>, <c>kind</c> and <c>metadata</c>.</summary>
public interface IKubeObject
{
    string? ApiVersion { get; }

    string? Kind { get; }

    ObjectMeta Metadata { get; }
}

/// <summary>
/// A kind the client knows how to address and (de)serialize without reflection: its REST location and its
/// source-generated JSON metadata. Every model in <see cref="Ccm.Kube.Models"/> implements it.
/// </summary>
public interface IKubeObject<TSelf> : IKubeObject
    where TSelf : class, IKubeObject<TSelf>
{
    static abstract KubeResource Resource { get; }

    static abstract JsonTypeInfo<TSelf> JsonTypeInfo { get; }

    static abstract JsonTypeInfo<KubeList<TSelf>> ListJsonTypeInfo { get; }

    static abstract JsonTypeInfo<WatchEventWire<TSelf>> WatchEventJsonTypeInfo { get; }
}
