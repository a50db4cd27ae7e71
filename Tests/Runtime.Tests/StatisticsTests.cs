using System.Diagnostics.Metrics;
using Ccm.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ccm.Runtime.Tests;

public sealed class StatisticsTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task The_snapshot_shows_shards_grains_by_state_turns_failures_and_reminders()
    {
        await using var silo = await TestSilo.StartAsync(time);
        silo.Probe.Reconcile = (turn, _) => throw new HttpRequestException("down");
        await silo.Factory.GetGrain<ICounterGrain>("a").Increment();
        await silo.Factory.GetGrain<ICounterGrain>("b").Remind("resync", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5));
        silo.Factory.Signal<IScriptedReconciler>("web");
        var web = silo.Factory.GetGrainId<IScriptedReconciler>("web");
        await Eventually.TrueAsync(() => silo.Activation(web) is { State: ActivationState.BackingOff }, "backing off");

        var stats = silo.Silo.GetStatistics();

        Assert.Equal(("silo-a", false, 16), (stats.SiloName, stats.LeaderElect, stats.ShardsHeld));
        Assert.Equal(new GrainTypeStatistics("ICounterGrain", 2, 2, 0, 0, 0, 0), stats.GrainTypes.Single(t => t.GrainType == "ICounterGrain"));
        Assert.Equal(new GrainTypeStatistics("IScriptedReconciler", 1, 0, 0, 0, 1, 0), stats.GrainTypes.Single(t => t.GrainType == "IScriptedReconciler"));
        Assert.Equal((3L, 1L), (stats.Turns.Turns, stats.Turns.Failures));
        Assert.Equal(1, stats.SignalsAccepted);
        var reminder = Assert.Single(stats.Reminders);
        Assert.Equal(("resync", time.GetUtcNow().AddMinutes(1)), (reminder.ReminderName, reminder.NextDue));
        var failed = stats.Activations.Single(a => a.GrainId == web);
        Assert.Equal((1, TurnResult.Failed, "HttpRequestException: down"), (failed.ConsecutiveFailures, failed.LastTurn!.Result, failed.LastTurn.Error));
        Assert.Equal(time.GetUtcNow().AddSeconds(1), failed.NextWake);
    }

    [Fact]
    public async Task Turns_failures_and_shards_are_published_as_metrics_of_the_silo()
    {
        await using var silo = await TestSilo.StartAsync(time);
        using var metrics = new MetricRecorder(silo.Services.GetRequiredService<IMeterFactory>());

        await silo.Factory.GetGrain<ICounterGrain>("a").Increment();
        await Assert.ThrowsAsync<InvalidOperationException>(() => silo.Factory.GetGrain<ICounterGrain>("a").Fail("x"));
        metrics.Observe();

        Assert.Equal(2, metrics.Sum("ccm.grain.turns"));
        var failure = Assert.Single(metrics.Of("ccm.grain.turn.failures"));
        Assert.Equal(("ICounterGrain", "call", "failed"), (failure.Tags["grain.type"], failure.Tags["turn.kind"], failure.Tags["turn.result"]));
        Assert.Equal(2, metrics.Of("ccm.grain.turn.duration").Count);
        Assert.Equal(16, metrics.Of("ccm.runtime.shards.held")[^1].Value);
        Assert.Equal(1, metrics.Of("ccm.grain.activations").Single(m => m.Tags["grain.type"] == "ICounterGrain").Value);
    }

    /// <summary>Records the measurements of the meters one <see cref="IMeterFactory"/> created (one silo's).</summary>
    private sealed class MetricRecorder : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly List<(string Instrument, double Value, Dictionary<string, string?> Tags)> measurements = [];

        public MetricRecorder(IMeterFactory factory)
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == factory && instrument.Meter.Name == RuntimeCounters.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
            listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
            listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
            listener.Start();
        }

        public void Observe() => listener.RecordObservableInstruments();

        public IReadOnlyList<(string Instrument, double Value, Dictionary<string, string?> Tags)> Of(string instrument)
        {
            lock (measurements)
            {
                return [.. measurements.Where(m => m.Instrument == instrument)];
            }
        }

        public double Sum(string instrument) => Of(instrument).Sum(m => m.Value);

        public void Dispose() => listener.Dispose();

        private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, string?>();
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value?.ToString();
            }

            lock (measurements)
            {
                measurements.Add((instrument.Name, value, copy));
            }
        }
    }
}
