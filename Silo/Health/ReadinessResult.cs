namespace Ccm.Silo.Health;

/// <summary>A check's answer. <see cref="Detail"/> is shown on <c>/readyz</c>: say what is missing, never a secret.</summary>
public sealed record ReadinessResult(bool Ready, string Detail)
{
    public static ReadinessResult Pass(string detail = "ok") => new(true, detail);

    public static ReadinessResult Fail(string detail) => new(false, detail);
}
