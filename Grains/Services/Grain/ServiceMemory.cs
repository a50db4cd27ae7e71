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
    public bool NeedsFullScan => Groups is null;

    /// <summary>
    /// Every name a vServer group of ours on the load balancer may have after the last clean turn (more, never fewer:
    /// a deleted group's name stays until the next full listing). A wanted group that is neither behind one of our
    /// listeners nor named here does not exist, so a new port is created without listing the groups. Null when unknown.
    /// </summary>
    public KnownGroups? Groups { get; private set; }

    /// <summary>A turn failed or the Service went: what the load balancer holds is unknown until the next full listing.</summary>
    public void ForgetGroups() => Groups = null;

    /// <summary>
    /// After a clean turn: the groups it read, those it created, and, when it did not list them all, those known before.
    /// </summary>
    public void RememberGroups(string loadBalancerId, ActualLoadBalancer? actual, IEnumerable<ServiceOperation> applied)
    {
        var before = actual is { AllGroupsListed: false } && Groups?.LoadBalancerId == loadBalancerId ? Groups.Names : [];
        Groups = new KnownGroups(loadBalancerId, before
            .Union(actual?.VServerGroups.Select(g => g.Name) ?? [])
            .Union(applied.OfType<CreateVServerGroupOperation>().Select(o => o.Key)));
    }

    /// <summary>Set after <c>InstanceBackendServerNumberOverLimit</c>: plan removes before adds until a turn succeeds.</summary>
    public bool RemovesFirst { get; set; }

    /// <summary>
    /// Pods behind unready endpoints that declare no readiness gate of this Service, by UID (or are gone): a pod's
    /// <c>spec.readinessGates</c> never changes, so they are not read again (<see cref="PodReadinessGates"/>).
    /// </summary>
    public ImmutableHashSet<string> UngatedPods { get; set; } = [];

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

/// <summary>The names our vServer groups on one load balancer may have (<see cref="ServiceMemory.Groups"/>).</summary>
public sealed record KnownGroups(string LoadBalancerId, ImmutableHashSet<string> Names)
{
    /// <summary>Whether a group named <paramref name="key"/> may exist on <paramref name="loadBalancerId"/>.</summary>
    public bool MayHave(string loadBalancerId, string key) => loadBalancerId != LoadBalancerId || Names.Contains(key);
}
