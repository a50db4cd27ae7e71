namespace Ccm.Grains.Events;

/// <summary>How <see cref="KubeEventRecorder"/> writes Events; the defaults are client-go's recorder's.</summary>
public sealed record EventRecorderOptions
{
    /// <summary><c>source.component</c> and <c>reportingComponent</c> of every Event.</summary>
    public string Component { get; init; } = "cloud-controller-manager";

    /// <summary><c>reportingInstance</c>: the silo's name.</summary>
    public string? Instance { get; init; }

    /// <summary>Nothing is written (<c>--dry-run</c>); events are still counted.</summary>
    public bool DryRun { get; init; }

    /// <summary>Events waiting to be written; when full, new ones are dropped (and counted), never waited for.</summary>
    public int QueueCapacity { get; init; } = 1000;

    /// <summary>Spam filter: events per object at once (client-go: 25)...</summary>
    public int SpamBurst { get; init; } = 25;

    /// <summary>...then one more per this interval (client-go: 1 per 5 minutes).</summary>
    public TimeSpan SpamRefillInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Write attempts per event (client-go: 12, 10 s apart).</summary>
    public int MaxAttempts { get; init; } = 12;

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Distinct objects and distinct events remembered for the spam filter and for aggregation (least recently used go first).</summary>
    public int CacheSize { get; init; } = 4096;
}
