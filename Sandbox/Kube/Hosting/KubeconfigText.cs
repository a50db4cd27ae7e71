namespace Ccm.Sandbox.Kube.Hosting;

/// <summary>A kubeconfig for the emulator: plain HTTP, no credentials (<c>user: {}</c>), one context, namespace default.</summary>
internal static class KubeconfigText
{
    public const string ContextName = "ccm-sandbox";

    public static string For(Uri server) => $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: {ContextName}
          cluster:
            server: {server.GetLeftPart(UriPartial.Authority)}
        users:
        - name: {ContextName}
          user: {"{}"}
        contexts:
        - name: {ContextName}
          context:
            cluster: {ContextName}
            user: {ContextName}
            namespace: default
        current-context: {ContextName}
        preferences: {"{}"}

        """;
}
