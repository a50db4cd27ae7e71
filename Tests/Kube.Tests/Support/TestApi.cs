using Ccm.Kube.Api;
using Ccm.Kube.Config;

namespace Ccm.Kube.Tests.Support;

internal static class TestApi
{
    public static readonly KubeClientConfig Config = new() { Server = new Uri("http://127.0.0.1:1"), Source = "test" };

    public static HttpKubeApi Over(ScriptedHandler handler, KubeApiOptions? options = null, KubeClientConfig? config = null) =>
        new(config ?? Config, (options ?? new KubeApiOptions()) with { Qps = options?.Qps ?? 0 }, handler);
}
