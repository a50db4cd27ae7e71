namespace Ccm.Sandbox.Demo;

/// <summary>What an emulator holds when it starts (<c>--seed demo|empty</c>).</summary>
public enum SeedKind
{
    /// <summary>The small cluster described by <see cref="DemoWorld"/>.</summary>
    Demo,

    /// <summary>Nothing but what the API itself needs (a region; for Kubernetes the default namespaces).</summary>
    Empty,
}
