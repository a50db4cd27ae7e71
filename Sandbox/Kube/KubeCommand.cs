namespace Ccm.Sandbox.Kube;

/// <summary>Placeholder until the Kubernetes API emulator lands (issue 3).</summary>
public static class KubeCommand
{
    public static Task<int> RunAsync(string[] args)
    {
        _ = args;
        Console.Error.WriteLine("the Kubernetes API emulator is not built yet");
        return Task.FromResult(2);
    }
}
