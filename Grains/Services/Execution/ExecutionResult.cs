using System.Collections.Immutable;
using Ccm.CloudClients.Transport;
using Ccm.GrainInterfaces.State;

namespace Ccm.Grains.Services;

/// <summary>How a plan went: one record per operation (succeeded, failed, or not reached) and the failure that stopped it.</summary>
public sealed record ExecutionResult(ImmutableArray<OperationRecord> Records, Exception? Failure)
{
    public bool Succeeded => Failure is null;

    public int Writes => Records.Count(r => r.Outcome == OperationOutcome.Succeeded);

    /// <summary>The Alibaba error code of the failure, when the cloud gave one.</summary>
    public string? ErrorCode => (Failure as OpenApiException)?.Code;

    public static ExecutionResult NotApplied(IEnumerable<ServiceOperation> plan) =>
        new([.. plan.Select(o => new OperationRecord(o.Action, o.Target, o.Detail, OperationOutcome.NotApplied))], null);
}
