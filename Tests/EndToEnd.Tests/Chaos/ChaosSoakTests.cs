using Xunit.Abstractions;

namespace Ccm.EndToEnd.Tests.Chaos;

/// <summary>
/// The short chaos soak (issue 18): about two minutes of every fault kind against three silo processes. It fails on any
/// invariant violation, any secret found, convergence later than two reconciliation periods, or a fault kind that was
/// never injected though it should have been many times (a soak that injected nothing would prove nothing). The long run is the bench's <c>chaos-soak</c>.
/// It runs alone (<see cref="ChaosSoakCollection"/>): its convergence bound is a time, and three silo processes on a
/// two-core machine should not share it with another test's.
/// </summary>
[Collection(ChaosSoakCollection.Name)]
public sealed class ChaosSoakTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Under_every_fault_kind_nothing_is_duplicated_leaked_or_touched_that_is_not_ours_everything_converges_and_no_secret_shows()
    {
        var settings = ChaosSoakSettings.Short;
        var soak = new ChaosSoak(settings, (args, environment) => new TestSilo(SiloProcess.Start(args, environment)), output.WriteLine);

        var result = await soak.RunAsync(CancellationToken.None);

        output.WriteLine(result.Table());
        // Every scheduled fault happened, and every fault drawn by chance whose expected count is large enough that zero
        // would mean it was not injected (about 780 calls: throttles and 5xx are expected 30-40 times each; timeouts,
        // at 1%, about 8, and one run of eight had none, so those are held by the bench's long soak instead).
        var calls = result.Operations["OpenAPI calls"];
        var rates = new Dictionary<string, double>
        {
            [ChaosSoak.Throttled] = settings.ThrottleRate, [ChaosSoak.ServerError] = settings.ErrorRate, [ChaosSoak.TimedOut] = settings.TimeoutRate, [ChaosSoak.Dropped] = settings.DropRate,
        };
        Assert.All(result.Faults.Where(kind => !rates.TryGetValue(kind.Key, out var rate) || rate * calls >= 20),
            kind => Assert.True(kind.Value > 0, $"{kind.Key} was never injected"));
        Assert.True(rates.Keys.Sum(k => result.Faults[k]) > 0, "no OpenAPI fault was injected");
        Assert.True(result.Violations.Count == 0, "violations:\n" + string.Join("\n", result.Violations.Keys));
        Assert.True(result.SecretHits.Count == 0, "secrets found:\n" + string.Join("\n", result.SecretHits));
        Assert.NotNull(result.ConvergedAfter);
        Assert.True(result.Operations[ChaosSoak.StsIssued] > 0, "no silo signed with STS credentials, so none were looked for");
        Assert.All(["log lines (exceptions included)", "Kubernetes Events", "/metrics scrapes", "dashboard API answers"],
            source => Assert.True(result.Scanned.GetValueOrDefault(source) > 0, $"nothing of {source} was scanned"));
    }

    /// <summary>A <see cref="SiloProcess"/> as the soak drives it.</summary>
    private sealed class TestSilo(SiloProcess process) : IChaosSilo
    {
        public string Output => process.Transcript;

        public async Task<Uri> ListenerAsync(string role, CancellationToken cancellationToken)
        {
            try
            {
                return await process.ListenerAsync(role, TimeSpan.FromSeconds(2));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new InvalidOperationException($"no {role} listener yet", e);
            }
        }

        public Task KillAsync() => process.KillAsync();

        public ValueTask DisposeAsync() => process.DisposeAsync();
    }
}

/// <summary>The soak's collection: no other test runs beside it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ChaosSoakCollection
{
    public const string Name = "chaos soak (alone)";
}
