namespace Ccm.Silo.CloudConfiguration;

/// <summary>The cloud-config's <c>serviceBackendType</c>: what a load balancer's backends are.</summary>
public enum ServiceBackendType
{
    /// <summary>ECS instances (the nodes), the usual case with Flannel.</summary>
    Ecs,

    /// <summary>Elastic network interfaces (pods directly), with Terway.</summary>
    Eni,
}
