using Ccm.Sandbox.Demo;
using Microsoft.Extensions.Logging;

namespace Ccm.Sandbox.Kube;

/// <summary>How to run the Kubernetes API emulator.</summary>
public sealed record KubeEmulatorOptions
{
    /// <summary>Loopback address and port to listen on (port 0 picks a free one). Anything but loopback is refused.</summary>
    public string Listen { get; init; } = "127.0.0.1:0";

    /// <summary>
    /// The bearer token every request must carry (outside the public health and version paths); null makes a random one
    /// at start. It goes into the kubeconfig the emulator writes and never into a log.
    /// </summary>
    public string? BearerToken { get; init; }

    /// <summary>
    /// For debugging only: serve plain HTTP with no authentication at all, like the API server's insecure port (removed
    /// in Kubernetes 1.20). The default is HTTPS with a CA made at start and a bearer token, as every API server today.
    /// </summary>
    public bool PlainHttp { get; init; }

    public SeedKind Seed { get; init; } = SeedKind.Demo;

    /// <summary>Where cluster IPs come from (the API server's <c>--service-cluster-ip-range</c>).</summary>
    public string ServiceClusterIpRange { get; init; } = "10.96.0.0/12";

    /// <summary>The API server's <c>--service-node-port-range</c>, e.g. <c>30000-32767</c>.</summary>
    public string ServiceNodePortRange { get; init; } = "30000-32767";

    /// <summary>
    /// How many events the watch history keeps (etcd keeps ~5 minutes). A watch or continue token older than the window
    /// gets 410 Expired; so does a watcher that falls this far behind.
    /// </summary>
    public int WatchHistorySize { get; init; } = 50_000;

    /// <summary>How often a watch that asked for bookmarks gets one (the API server sends them about once a minute).</summary>
    public TimeSpan BookmarkInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a read that asks for a resourceVersion newer than the store's waits for the store to get there before it
    /// fails with 504 "Too large resource version" (the API server's watch cache waits 3 seconds).
    /// </summary>
    public TimeSpan TooLargeResourceVersionWait { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Whether the stand-in controllers run (deployments, scheduling, endpoint slices, garbage collection, namespaces).</summary>
    public bool RunControllers { get; init; } = true;

    /// <summary>Extra kinds to serve besides the built-in ones (stored generically).</summary>
    public IReadOnlyList<ResourceType> AdditionalResources { get; init; } = [];

    public ILoggerFactory? LoggerFactory { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
