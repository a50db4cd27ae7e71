namespace Ccm.Kube.Tests.Support;

/// <summary>Kubeconfig texts for precedence tests: one cluster, one user, one current context.</summary>
internal static class Kubeconfigs
{
    /// <param name="server">The cluster's server URL.</param>
    /// <param name="user">The body of the user entry, as YAML flow text.</param>
    public static string For(string server, string user = "{token: from-kubeconfig}") => $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: c
          cluster:
            server: {server}
        users:
        - name: u
          user: {user}
        contexts:
        - name: x
          context:
            cluster: c
            user: u
            namespace: from-kubeconfig
        current-context: x

        """;
}
