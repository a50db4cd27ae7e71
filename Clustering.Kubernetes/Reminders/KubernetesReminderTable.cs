using Ccm.Clustering.Kubernetes.Objects;
using k8s;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;

namespace Ccm.Clustering.Kubernetes.Reminders;

/// <summary>
/// Orleans' reminder table on a fixed number of ConfigMaps ("buckets"), each holding the reminders of one slice of the
/// grains' uniform hash ring (<see cref="ReminderBuckets"/>), one data key per reminder with its own etag. Reads touch
/// only the buckets a grain or a range can be in. Writes replace one bucket conditioned on its resourceVersion and, when
/// another silo wrote the bucket first (409), read it again and reapply, so concurrent writers of one bucket all land,
/// while the row etag still decides a remove: a stale etag answers false.
/// </summary>
public sealed partial class KubernetesReminderTable : IReminderTable
{
    private readonly ConfigMapClient configMaps;
    private readonly KubernetesReminderTableOptions options;
    private readonly ILogger logger;

    /// <summary>Creates the table for the service in <paramref name="cluster"/>, talking to the API server through <paramref name="client"/>.</summary>
    public KubernetesReminderTable(IKubernetes client, IOptions<KubernetesReminderTableOptions> options, IOptions<ClusterOptions> cluster, ILogger<KubernetesReminderTable> logger)
    {
        this.options = options.Value;
        this.logger = logger;
        Objects = ReminderObjects.For(this.options, cluster.Value.ServiceId);
        configMaps = new ConfigMapClient(client, this.options.Namespace);
    }

    /// <summary>The names of the objects this table uses.</summary>
    public ReminderObjects Objects { get; }

    /// <summary>Creates the missing buckets and checks that every bucket was made for this bucket count.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await Task.WhenAll(Enumerable.Range(0, Objects.Buckets).Select(b => EnsureBucketAsync(b, cancellationToken)));
        logger.LogInformation("Reminder table {Namespace}/{Prefix}-reminders-0..{Last} ready", options.Namespace, Objects.Prefix, Objects.Buckets - 1);
    }

    /// <inheritdoc />
    public Task<ReminderTableData> ReadRows(GrainId grainId) => ReadRows(grainId, CancellationToken.None);

    /// <inheritdoc />
    public async Task<ReminderTableData> ReadRows(GrainId grainId, CancellationToken cancellationToken)
    {
        var bucket = await ReadBucketAsync(BucketOf(grainId), cancellationToken);
        var grain = grainId.ToString();
        return new ReminderTableData(bucket?.Rows.Values.Where(r => r.GrainId == grain).Select(r => r.ToEntry()) ?? []);
    }

    /// <inheritdoc />
    public Task<ReminderTableData> ReadRows(uint begin, uint end) => ReadRows(begin, end, CancellationToken.None);

    /// <inheritdoc />
    public async Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken)
    {
        var buckets = await Task.WhenAll(ReminderBuckets.Overlapping(begin, end, Objects.Buckets).Select(b => ReadBucketAsync(b, cancellationToken)));
        var rows = buckets.SelectMany(b => b?.Rows.Values ?? [])
            .Where(r => ReminderBuckets.InRange(r.ParsedGrainId.GetUniformHashCode(), begin, end));
        return new ReminderTableData(rows.Select(r => r.ToEntry()));
    }

    /// <inheritdoc />
    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => ReadRow(grainId, reminderName, CancellationToken.None);

    /// <inheritdoc />
    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        var bucket = await ReadBucketAsync(BucketOf(grainId), cancellationToken);
        return bucket?.Rows.GetValueOrDefault(ReminderRow.KeyOf(grainId, reminderName))?.ToEntry();
    }

    /// <inheritdoc />
    public Task<string?> UpsertRow(ReminderEntry entry) => UpsertRow(entry, CancellationToken.None);

    /// <inheritdoc />
    public async Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken)
    {
        var etag = Guid.NewGuid().ToString("N");
        var key = ReminderRow.KeyOf(entry.GrainId, entry.ReminderName);
        var row = ReminderRow.From(entry, etag);
        await UpdateBucketAsync(BucketOf(entry.GrainId), createIfAbsent: true, bucket => bucket.With(key, row), cancellationToken);
        return etag;
    }

    /// <inheritdoc />
    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => RemoveRow(grainId, reminderName, eTag, CancellationToken.None);

    /// <inheritdoc />
    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        var key = ReminderRow.KeyOf(grainId, reminderName);
        return UpdateBucketAsync(BucketOf(grainId), createIfAbsent: false,
            bucket => bucket.Rows.GetValueOrDefault(key)?.ETag == eTag ? bucket.With(key, null) : null, cancellationToken);
    }

    /// <inheritdoc />
    public Task TestOnlyClearTable() => TestOnlyClearTable(CancellationToken.None);

    /// <inheritdoc />
    public Task TestOnlyClearTable(CancellationToken cancellationToken) =>
        Task.WhenAll(Enumerable.Range(0, Objects.Buckets).Select(b =>
            UpdateBucketAsync(b, createIfAbsent: false, bucket => bucket.Rows.Count == 0 ? null : [], cancellationToken)));

    private int BucketOf(GrainId grainId) => ReminderBuckets.Of(grainId.GetUniformHashCode(), Objects.Buckets);
}
