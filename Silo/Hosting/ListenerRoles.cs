namespace Ccm.Silo.Hosting;

/// <summary>The route sets a listener serves. Two flags with the same address share one listener and both sets.</summary>
[Flags]
public enum ListenerRoles
{
    None = 0,

    /// <summary><c>/healthz</c>, <c>/livez</c>, <c>/readyz</c> on <c>--health-probe-bind-addr</c>.</summary>
    Health = 1,

    /// <summary><c>/metrics</c> on <c>--metrics-bind-addr</c>.</summary>
    Metrics = 2,

    /// <summary>The dashboard's routes on <c>--dashboard-bind-addr</c>.</summary>
    Dashboard = 4,
}
