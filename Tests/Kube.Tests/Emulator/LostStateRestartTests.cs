using System.Text.Json.Nodes;
using Ccm.Kube.Cache;
using Ccm.Kube.Client;
using Ccm.Kube.Watch;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;
using Ccm.TestSupport;
using k8s.Models;

namespace Ccm.Kube.Tests.Emulator;

/// <summary>
/// An API server that restarts with lost state counts resourceVersions from low again, and (like kube-apiserver)
/// accepts a plain watch from a version it has not reached yet, then delivers nothing. The informer must notice and
/// relist, or it stays blind while readiness says all is well.
/// </summary>
public sealed class LostStateRestartTests : EmulatorTest
{
    protected override KubeEmulatorOptions EmulatorOptions =>
        new() { Seed = SeedKind.Empty, RunControllers = false, TooLargeResourceVersionWait = TimeSpan.FromMilliseconds(200) };

    [Fact]
    public async Task After_a_restart_with_lost_state_the_informer_relists_and_sees_changes_made_since()
    {
        var before = Service("before");
        Emulator.Objects.Create(before);
        for (var i = 0; i < 1200; i++)
        {
            // Versions well past the 1001 the restarted server starts from.
            var labels = new JsonObject { ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["round"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) } } };
            Emulator.Objects.Patch("services", "default", "before", KubePatchType.Merge, labels);
        }

        using var logs = new CapturingLoggerProvider();
        var kube = Client(new KubeClientOptions { Qps = 0 });
        await using var informer = new Informer<V1Service>(KubeListWatch.Services(kube), new InformerOptions<V1Service> { InitialBackoff = TimeSpan.FromMilliseconds(50), LoggerFactory = logs.CreateFactory() });
        informer.Start();
        await informer.WaitForSyncAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(long.Parse(informer.LastSyncResourceVersion!, System.Globalization.CultureInfo.InvariantCulture) > 1200);

        Emulator.Objects.Create(Service("watched"));
        await Eventually.TrueAsync(() => informer.Store.Get("default", "watched") is not null, "the watch is open (a change arrives through it)", TimeSpan.FromSeconds(30));

        Emulator.Faults.RestartWithLostState();
        Emulator.Objects.Create(Service("after"));

        try
        {
            // Within seconds: the server's "Too large resource version" (after its wait) goes to the reflector at once,
            // not through ten Retry-After retries (about 12 s here, 40 s against a real server's 3 s wait).
            await Eventually.TrueAsync(() => informer.Store.Get("default", "after") is not null, "the Service created after the restart reaches the cache", TimeSpan.FromSeconds(6));
        }
        catch (Exception e)
        {
            throw new InvalidOperationException(e.Message + "\n" + string.Join("\n", logs.Entries.Select(x => $"{x.Level} {x.Message} {x.Exception}")), e);
        }
        Assert.NotNull(informer.Store.Get("default", "before"));
    }

    private static JsonObject Service(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Service",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
        ["spec"] = new JsonObject { ["ports"] = new JsonArray(new JsonObject { ["port"] = 80 }) },
    };
}
