using System.Net;
using System.Text.Json;
using Ccm.Silo.Health;
using Ccm.Silo.Hosting;
using Ccm.Silo.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Ccm.Silo.Tests.Hosting;

public sealed class HealthEndpointTests : IDisposable
{
    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public async Task Liveness_answers_while_the_process_serves()
    {
        await using var silo = await TestSilo.StartAsync(SiloTestOptions.Parse(files));
        using var response = await silo.GetAsync(ListenerRoles.Health, "/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("the process is serving; no loop has registered a heartbeat\nhealthz check passed\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Liveness_fails_naming_the_loop_that_stopped_beating()
    {
        var clock = new ManualTimeProvider();
        await using var silo = await TestSilo.StartAsync(SiloTestOptions.Parse(files), configure: b => b.Services.AddSingleton<TimeProvider>(clock));
        var monitor = silo.Service<LivenessMonitor>();
        using var watcher = monitor.Register("watcher", TimeSpan.FromSeconds(30));
        using var renewer = monitor.Register("shard renewer", TimeSpan.FromSeconds(10));

        clock.Advance(TimeSpan.FromSeconds(20));
        watcher.Beat();
        using var stale = await silo.GetAsync(ListenerRoles.Health, "/livez");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, stale.StatusCode);
        Assert.Equal("[-] shard renewer: no heartbeat for 20s (allowed 10s)\n[+] watcher: ok\nhealthz check failed\n", await stale.Content.ReadAsStringAsync());

        renewer.Beat();
        using var live = await silo.GetAsync(ListenerRoles.Health, "/healthz");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Readiness_without_checks_says_nothing_claimed_readiness()
    {
        await using var silo = await TestSilo.StartAsync(SiloTestOptions.Parse(files));
        using var response = await silo.GetAsync(ListenerRoles.Health, "/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("no readiness checks are registered: no component has reported that it can work yet\nreadyz check failed\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readiness_is_the_conjunction_of_the_registered_checks_and_names_the_failing_one()
    {
        await using var silo = await TestSilo.StartAsync(SiloTestOptions.Parse(files),
            configure: b => b.Services.AddSingleton<IReadinessCheck>(new FixedCheck("cloud credentials usable", ReadinessResult.Pass("AccessKey LTAI**** accepted by DescribeRegions"))));
        var registry = silo.Service<ReadinessRegistry>();
        var watches = registry.AddSignal("watches synced", "listing Services, EndpointSlices, Nodes");

        using var notReady = await silo.GetAsync(ListenerRoles.Health, "/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.Equal("[+] cloud credentials usable: AccessKey LTAI**** accepted by DescribeRegions\n[-] watches synced: listing Services, EndpointSlices, Nodes\nreadyz check failed\n",
            await notReady.Content.ReadAsStringAsync());

        watches.MarkReady("3 watches open");
        using var ready = await silo.GetAsync(ListenerRoles.Health, "/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.EndsWith("[+] watches synced: 3 watches open\nreadyz check passed\n", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_in_JSON_lists_each_check()
    {
        await using var silo = await TestSilo.StartAsync(SiloTestOptions.Parse(files));
        var registry = silo.Service<ReadinessRegistry>();
        using var shards = registry.Register(new FixedCheck("shards renewing", ReadinessResult.Fail("shard 3 not renewed for 12s")));

        using var response = await silo.GetAsync(ListenerRoles.Health, "/readyz?format=json");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("failed", body.RootElement.GetProperty("status").GetString());
        var check = Assert.Single(body.RootElement.GetProperty("checks").EnumerateArray());
        Assert.Equal("shards renewing", check.GetProperty("name").GetString());
        Assert.False(check.GetProperty("ready").GetBoolean());
        Assert.Equal("shard 3 not renewed for 12s", check.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_check_that_throws_or_hangs_fails_alone()
    {
        await using var silo = await TestSilo.StartAsync(SiloTestOptions.Parse(files));
        var registry = silo.Service<ReadinessRegistry>();
        registry.Register(new ThrowingCheck());
        registry.Register(new FixedCheck("fine", ReadinessResult.Pass()));

        using var response = await silo.GetAsync(ListenerRoles.Health, "/readyz");
        Assert.Equal("[-] broken: check failed: InvalidOperationException: cache not built\n[+] fine: ok\nreadyz check failed\n", await response.Content.ReadAsStringAsync());

        using var end = new CancellationTokenSource();
        var hanging = new ReadinessRegistry([new HangingCheck(end.Token)]) { CheckTimeout = TimeSpan.FromMilliseconds(100) };
        var report = await hanging.EvaluateAsync(CancellationToken.None);
        await end.CancelAsync();
        Assert.Equal(new CheckOutcome("hangs", false, "no answer within 0.1s"), Assert.Single(report.Checks));
    }

    [Fact]
    public void Check_names_are_unique_and_registrations_can_be_removed()
    {
        var registry = new ReadinessRegistry([]);
        var registration = registry.Register(new FixedCheck("watches synced", ReadinessResult.Pass()));
        Assert.Throws<InvalidOperationException>(() => registry.Register(new FixedCheck("watches synced", ReadinessResult.Pass())));
        registration.Dispose();
        Assert.Empty(registry.Names);
    }

    [Fact]
    public async Task Readiness_fails_as_soon_as_a_graceful_stop_begins()
    {
        var stopping = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var silo = await TestSilo.StartAsync(SiloTestOptions.Parse(files));
        silo.Service<ReadinessRegistry>().Register(new FixedCheck("always", ReadinessResult.Pass()));
        silo.Service<ShutdownCoordinator>().Register("drain", ShutdownPhase.DrainTurns, async _ =>
        {
            stopping.SetResult();
            await release.Task;
        });

        var stop = silo.DisposeAsync();
        await stopping.Task.WaitAsync(TimeSpan.FromSeconds(30));
        using var http = new HttpClient();
        using var readiness = await http.GetAsync(silo.Url(ListenerRoles.Health, "/readyz"));
        using var liveness = await http.GetAsync(silo.Url(ListenerRoles.Health, "/healthz"));
        release.SetResult();
        await stop;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, readiness.StatusCode);
        Assert.Equal("shutting down\nreadyz check failed\n", await readiness.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, liveness.StatusCode);
    }

    private sealed record FixedCheck(string Name, ReadinessResult Result) : IReadinessCheck
    {
        public Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken) => Task.FromResult(Result);
    }

    private sealed class ThrowingCheck : IReadinessCheck
    {
        public string Name => "broken";

        public Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("cache not built");
    }

    /// <summary>Ignores the token it is given, as a stuck dependency would; the test ends it.</summary>
    private sealed class HangingCheck(CancellationToken end) : IReadinessCheck
    {
        public string Name => "hangs";

        public async Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, end).ContinueWith(_ => { }, TaskScheduler.Default);
            return ReadinessResult.Pass();
        }
    }
}
