namespace Ccm.Grains.Services;

/// <summary>
/// One vServer group member as we want it or found it. <c>ecs</c> members are an instance on a NodePort; <c>eni</c>
/// members a pod IP (<see cref="ServerIp"/>) on its target port behind the ENI that holds it. The cloud matches members
/// by ServerId + Port (+ ServerIp for ENIs), and so does <see cref="Identity"/>.
/// </summary>
public sealed record Backend(string ServerId, string Type, int Port, int Weight, string? ServerIp = null, string? Description = null, string? NodeName = null)
{
    public const string Ecs = "ecs";
    public const string Eni = "eni";

    public (string ServerId, int Port, string? ServerIp) Identity => (ServerId, Port, Type == Ecs ? null : ServerIp);

    /// <summary>The member as the API takes it, carrying <paramref name="key"/> as its ownership description.</summary>
    public CloudClients.Slb.BackendServer ToServer(string key) => new()
    {
        ServerId = ServerId, Port = Port, Weight = Weight, Type = Type, ServerIp = Type == Ecs ? null : ServerIp, Description = key,
    };

    public static Backend FromServer(CloudClients.Slb.BackendServer server) =>
        new(server.ServerId, server.Type ?? Ecs, server.Port ?? 0, server.Weight ?? 100, server.ServerIp, server.Description);
}
