using Ccm.GrainInterfaces.State;

namespace Ccm.Grains.Routes;

/// <summary>The running tally of one <see cref="RouteExecutor.ApplyAsync"/> call.</summary>
internal sealed class RouteRun(string routeTableId)
{
    public string RouteTableId { get; } = routeTableId;

    public List<OperationRecord> Records { get; } = [];

    public Dictionary<NodeRoute, RouteOutcome> Created { get; } = [];

    public List<StaleRoute> Deleted { get; } = [];

    public bool QuotaExceeded { get; set; }

    public Exception? Failure { get; set; }

    public RouteExecution ToExecution() => new()
    {
        Operations = [.. Records],
        Created = new Dictionary<NodeRoute, RouteOutcome>(Created),
        Deleted = [.. Deleted],
        QuotaExceeded = QuotaExceeded,
        Failure = Failure,
    };
}
