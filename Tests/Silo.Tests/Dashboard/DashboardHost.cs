using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ccm.CloudClients.Observability;
using Ccm.GrainInterfaces;
using Ccm.Grains;
using Ccm.Grains.Reconcile;
using Ccm.Silo.Composition;
using Ccm.Silo.Hosting;
using Ccm.Silo.SandboxHosting;
using Ccm.Silo.Tests.Support;
using Ccm.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Ccm.Silo.Tests.Dashboard;

/// <summary>
/// A real silo host (Kestrel on 127.0.0.1) running an Orleans silo alone (<c>--leader-elect=false</c>: in-memory
/// membership, its silo port a free loopback one) with the grains' registrations, the state board and the cloud call
/// recorder the dashboard reads; tests publish synthetic grain states to the board and read the dashboard over HTTP.
/// No Kubernetes or cloud is behind it: nothing here activates a grain that would need them.
/// </summary>
public sealed class DashboardHost : IAsyncDisposable
{
    private DashboardHost(TestSilo silo) => Silo = silo;

    public TestSilo Silo { get; }

    public IGrainStateBoard Board => Silo.Service<IGrainStateBoard>();

    public CloudCallRecorder Cloud => Silo.Service<CloudCallRecorder>();

    public ReconcileActivity Activity => Silo.Service<ReconcileActivity>();

    /// <summary>This silo's Orleans address (<c>ip:port@generation</c>), as the membership table names it.</summary>
    public string SiloAddress => Silo.Service<Orleans.Runtime.ILocalSiloDetails>().SiloAddress.ToParsableString();

    /// <summary>Starts a silo named <paramref name="name"/>; <paramref name="flags"/> are extra silo flags (auth...).</summary>
    public static async Task<DashboardHost> StartAsync(TestFiles files, string name = "silo-a", bool dryRun = false, params string[] flags)
    {
        // Concrete ports, so the silo knows (and advertises in its Orleans metadata) where its dashboard answers.
        var options = FreePorts.Assign(SiloTestOptions.Parse(files, [$"--silo-name={name}", "--leader-elect=false", "--silo-port=0", .. flags]));
        var silo = await TestSilo.StartAsync(options, configure: builder =>
        {
            builder.Services.AddCcmOrleans(options, SiloEndpoint.From(options));
            builder.Services.AddCcmGrains(new CcmOptions { ClusterId = "c-test", RegionId = "cn-hangzhou", VpcId = "vpc-bp1demo", DryRun = dryRun });
            builder.Services.AddSingleton(new CloudCallRecorder(TimeProvider.System));
        });

        // The web server answers before Orleans has started (OrleansStart runs it in the background): wait for the silo,
        // so what the dashboard says of it is its running state, not its start-up.
        await Eventually.TrueAsync(
            () => silo.Service<Orleans.Runtime.ISiloStatusOracle>().CurrentStatus == Orleans.Runtime.SiloStatus.Active, "the Orleans silo is active");
        return new DashboardHost(silo);
    }

    public Uri Url(string path) => Silo.Url(ListenerRoles.Dashboard, path);

    public Task<HttpResponseMessage> GetAsync(string path, AuthenticationHeaderValue? auth = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Url(path));
        request.Headers.Authorization = auth;
        return Silo.Http.SendAsync(request);
    }

    /// <summary>GETs a JSON answer and checks it is 200.</summary>
    public async Task<JsonNode> JsonAsync(string path, AuthenticationHeaderValue? auth = null)
    {
        using var response = await GetAsync(path, auth);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(body)!;
    }

    public async Task<(int Status, JsonNode? Body)> StatusAsync(string path, AuthenticationHeaderValue? auth = null)
    {
        using var response = await GetAsync(path, auth);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? body = null;
        try
        {
            body = text.Length > 0 ? JsonNode.Parse(text) : null;
        }
        catch (JsonException)
        {
        }

        return ((int)response.StatusCode, body);
    }

    public ValueTask DisposeAsync() => Silo.DisposeAsync();
}
