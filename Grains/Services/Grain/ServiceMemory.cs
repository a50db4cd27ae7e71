using System.Collections.Immutable;
using Ccm.GrainInterfaces.State;

namespace Ccm.Grains.Services;

/// <summary>
/// What a Service grain activation remembers between turns. Nothing here is needed for correctness after a restart:
/// a new activation starts by listing every group (<see cref="NeedsFullScan"/>), which finds whatever an earlier
/// activation left half done.
/// </summary>
public sealed class ServiceMemory
{
    public const int PlansKept = 5;
    public const int EventsKept = 10;

    /// <summary>List every vServer group next turn: true on activation and after a failed turn (a create whose answer
    /// was lost, a delete that did not happen), false after a clean one, which keeps unchanged Services cheap.</summary>
    public bool NeedsFullScan { get; set; } = true;

    /// <summary>Set after <c>InstanceBackendServerNumberOverLimit</c>: plan removes before adds until a turn succeeds.</summary>
    public bool RemovesFirst { get; set; }

    /// <summary>The annotation notices said while the Service kept its annotations (<see cref="AnnotationNotices"/>).</summary>
    public ImmutableHashSet<string> ReportedNotices { get; set; } = [];

    /// <summary>What woke the next turn (<c>signal</c> unless a reminder said otherwise).</summary>
    public string NextTrigger { get; set; } = "signal";

    public DateTimeOffset? NextReminderAt { get; set; }

    public LinkedList<PlanRecord> Plans { get; } = new();

    public LinkedList<GrainEventRecord> Events { get; } = new();

    public void Remember(PlanRecord plan) => Push(Plans, plan, PlansKept);

    public void Remember(GrainEventRecord record) => Push(Events, record, EventsKept);

    private static void Push<T>(LinkedList<T> list, T item, int keep)
    {
        list.AddFirst(item);
        while (list.Count > keep)
        {
            list.RemoveLast();
        }
    }
}
