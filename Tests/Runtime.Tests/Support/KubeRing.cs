using Ccm.Kube.Api;
using Ccm.Kube.Config;
using Ccm.Kube.Models;
using Ccm.Runtime.Kubernetes;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;
using Ccm.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ccm.Runtime.Tests;

/// <summary>
/// The Kubernetes emulator on loopback and real silos against it over HTTP, each with its own client (as separate
/// processes would be), sharing shards through Leases in <c>kube-system</c>.
/// </summary>
internal sealed class KubeRing : IAsyncDisposable
{
    private readonly List<HttpKubeApi> clients = [];

    private KubeRing(KubeEmulator emulator)
    {
        Emulator = emulator;
        Observer = Client();
    }

    public KubeEmulator Emulator { get; }

    /// <summary>A client of the test's own, to read Leases and ConfigMaps as an operator would.</summary>
    public HttpKubeApi Observer { get; }

    public List<TestSilo> Silos { get; } = [];

    public static async Task<KubeRing> StartAsync() =>
        new(await KubeEmulator.StartAsync(new KubeEmulatorOptions { Seed = SeedKind.Empty, RunControllers = false }));

    public HttpKubeApi Client(KubeCallRecorder? recorder = null)
    {
        // No client-side rate limit: with test timings a silo renews 16 Leases every 500 ms.
        var client = new HttpKubeApi(
            new KubeClientConfig
            {
                Server = Emulator.BaseAddress,
                Namespace = "kube-system",
                BearerToken = new StaticTokenSource(Emulator.BearerToken!),
                CertificateAuthorities = [Emulator.CertificateAuthority!],
            },
            new KubeApiOptions { Qps = 0, CallObserver = recorder });
        clients.Add(client);
        return client;
    }

    public async Task<TestSilo> AddAsync(string name, Action<GrainRuntimeOptions>? configure = null, KubeCallRecorder? recorder = null)
    {
        var api = Client(recorder);
        var silo = await TestSilo.StartAsync(
            TimeProvider.System,
            o =>
            {
                ShortLeases.Apply(o, name);
                configure?.Invoke(o);
            },
            storage: s => s.AddSingleton<IKubeApi>(api).AddKubernetesGrainStorage());
        Silos.Add(silo);
        return silo;
    }

    /// <summary><see cref="Eventually.TrueAsync(Func{Task{bool}}, string, TimeSpan?, TimeSpan?)"/>, failing with what the silos and Leases said.</summary>
    public async Task EventuallyAsync(Func<Task<bool>> condition, string because, TimeSpan timeout)
    {
        try
        {
            await Eventually.TrueAsync(condition, because, timeout);
        }
        catch (Xunit.Sdk.XunitException ex)
        {
            var leases = (await Observer.ListAsync<Lease>("kube-system")).Items.Select(l => $"{l.Metadata.Name}: {l.Spec?.HolderIdentity} ({l.Spec?.LeaseDurationSeconds} s)");
            var logs = Silos.SelectMany(s => s.Logs.Entries.Where(e => e.Level >= LogLevel.Information).TakeLast(40).Select(e => $"{e.Category}: {e.Message}"));
            throw new Xunit.Sdk.XunitException($"{ex.Message}\nLeases:\n{string.Join('\n', leases)}\nLogs:\n{string.Join('\n', logs)}");
        }
    }

    /// <summary>Every shard Lease of the ring, as stored.</summary>
    public async Task<IReadOnlyList<Lease>> ShardLeasesAsync() =>
        [.. (await Observer.ListAsync<Lease>("kube-system", new ListOptions { LabelSelector = $"{LeaseNames.RoleLabel}=shard" })).Items];

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in Silos)
        {
            await silo.DisposeAsync();
        }

        clients.ForEach(c => c.Dispose());
        await Emulator.DisposeAsync();
    }
}
