using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using Ccm.CloudClients.Slb;
using Ccm.CloudClients.Vpc;
using Ccm.Grains.Services;
using Ccm.TestSupport;
using static Ccm.Grains.Tests.Services.ServiceBuilders;

namespace Ccm.Grains.Tests.Services;

/// <summary>
/// <c>--max-concurrent-actions</c>: member changes of different groups go out side by side up to the limit, and one
/// group's changes stay in order.
/// </summary>
public class ServiceExecutorConcurrencyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(10)]
    public async Task Member_changes_of_different_groups_run_at_most_the_limit_at_once(int limit)
    {
        var slb = GatedSlb.Create();
        var executor = new ServiceExecutor(slb, DispatchProxy.Create<IVpcClient, GatedSlb>(), Options() with { MaxConcurrentActions = limit });
        ImmutableArray<Backend> member = [new Backend("i-1", Backend.Ecs, 30080, 100)];
        ServiceOperation[] plan =
        [
            new AddBackendsOperation("rsp-1", "k1", member), new AddBackendsOperation("rsp-2", "k2", member), new AddBackendsOperation("rsp-3", "k3", member),
            new AddBackendsOperation("rsp-1", "k1", member), new AddBackendsOperation("rsp-4", "k4", member),
        ];

        var run = executor.ApplyAsync(plan, new Grains.Services.ExecutionContext(null), CancellationToken.None);
        await Eventually.TrueAsync(() => GatedSlb.Of(slb).InFlight == Math.Min(limit, 4), "the first changes are under way", TimeSpan.FromSeconds(10));
        GatedSlb.Of(slb).Open();
        var result = await run;

        Assert.True(result.Succeeded);
        Assert.Equal(Math.Min(limit, 4), GatedSlb.Of(slb).MostAtOnce);
        var started = GatedSlb.Of(slb).Started.ToList();
        Assert.Equal(5, started.Count);
        Assert.Equal(2, started.Count(g => g == "rsp-1"));
    }

    /// <summary>An SLB client whose member additions wait at a gate until <see cref="Open"/>, counting how many wait at once.</summary>
    public class GatedSlb : DispatchProxy
    {
        private readonly TaskCompletionSource open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int inFlight;
        private int mostAtOnce;

        public int InFlight => Volatile.Read(ref inFlight);

        public int MostAtOnce => Volatile.Read(ref mostAtOnce);

        public ConcurrentQueue<string> Started { get; } = new();

        public static ISlbClient Create() => Create<ISlbClient, GatedSlb>();

        public static GatedSlb Of(ISlbClient client) => (GatedSlb)(object)client;

        public void Open() => open.TrySetResult();

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            targetMethod?.Name == nameof(ISlbClient.AddVServerGroupBackendServersAsync)
                ? AddAsync((VServerGroupBackendServersRequest)args![0]!)
                : throw new NotSupportedException(targetMethod?.Name);

        private async Task<VServerGroupAttributeResponse> AddAsync(VServerGroupBackendServersRequest request)
        {
            Started.Enqueue(request.VServerGroupId);
            var now = Interlocked.Increment(ref inFlight);
            int seen;
            while (now > (seen = Volatile.Read(ref mostAtOnce)) && Interlocked.CompareExchange(ref mostAtOnce, now, seen) != seen)
            {
            }

            await open.Task;
            Interlocked.Decrement(ref inFlight);
            return new VServerGroupAttributeResponse { VServerGroupId = request.VServerGroupId };
        }
    }
}
