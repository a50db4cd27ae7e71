namespace Ccm.Grains.Routes;

/// <summary>Where one node's route stands in one table, as planned and then as applied.</summary>
public enum RouteStatus
{
    /// <summary>The entry exists, points at the node's instance and is Available.</summary>
    Present,

    /// <summary>The entry points at the node's instance and is still settling (Pending/Modifying).</summary>
    Pending,

    /// <summary>No entry yet: this turn creates it.</summary>
    Creating,

    /// <summary>An entry of ours points at the wrong instance: this turn deletes it, the next one creates the right one.</summary>
    Replacing,

    /// <summary>The previous entry for this destination is still being deleted or settling.</summary>
    Waiting,

    /// <summary>Another route we do not manage holds the destination; it is never touched.</summary>
    Blocked,

    /// <summary>The table has no room (QuotaExceeded); creates wait for room or the next period.</summary>
    Full,

    /// <summary>The cloud refused the create for a reason only a change can fix; tried again next period.</summary>
    Rejected,
}
