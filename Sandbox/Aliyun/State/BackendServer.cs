namespace Ccm.Sandbox.Aliyun.State;

/// <summary>
/// A backend: an ECS instance (<c>ecs</c>) or an ENI/ECI address (<c>eni</c>/<c>eci</c>, with <see cref="ServerIp"/>).
/// Backends are matched by ServerId + Port, plus ServerIp for ENI backends.
/// </summary>
public sealed record BackendServer(string ServerId, int Port, int Weight, string Type, string? ServerIp, string Description)
{
    public bool SameServerAs(BackendServer other) =>
        ServerId == other.ServerId && Port == other.Port && (Type == "ecs" || ServerIp == other.ServerIp);
}
