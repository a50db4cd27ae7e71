using Ccm.Sandbox.Demo;
using Ccm.Silo.Hosting;

namespace Ccm.Silo.SandboxHosting;

/// <summary>What <c>--sandbox</c> prints on standard output once the silo serves: where everything is and what to do next.</summary>
public static class SandboxBanner
{
    public static string Render(SandboxEnvironment sandbox, SiloListeners listeners, bool folderRemovedOnExit)
    {
        var dashboard = listeners.UrlOf(ListenerRoles.Dashboard);
        var metrics = listeners.UrlOf(ListenerRoles.Metrics);
        var health = listeners.UrlOf(ListenerRoles.Health);
        var lines = new List<string>
        {
            $"CCM sandbox running: Kubernetes emulator {sandbox.Kube.BaseAddress}, Alibaba Cloud OpenAPI emulator {sandbox.Cloud.BaseAddress}",
            "",
            $"  kubeconfig    {sandbox.KubeconfigPath}",
            $"  kubectl       kubectl --kubeconfig {sandbox.KubeconfigPath} get nodes,services",
            $"  dashboard     {(dashboard is null ? "(disabled)" : dashboard.ToString())}",
            $"  metrics       {(metrics is null ? "(disabled)" : new Uri(metrics, "metrics").ToString())}",
            $"  health        {(health is null ? "(disabled)" : new Uri(health, "readyz").ToString())}",
            $"  cloud-config  {sandbox.CloudConfigPath}",
            $"  env           {sandbox.EnvPath}",
            "",
            "A second silo joins this sandbox with:",
            $"  (set -a; . {sandbox.EnvPath}; dotnet run --project Silo -- --kubeconfig={sandbox.KubeconfigPath} --cloud-config={sandbox.CloudConfigPath} " +
                $"--cluster-cidr={DemoWorld.ClusterCidr} --silo-name=silo-2 --dashboard-auth=none --silo-port=0 --health-probe-bind-addr=127.0.0.1:0 --metrics-bind-addr=127.0.0.1:0 --dashboard-bind-addr=127.0.0.1:0)",
            "",
            folderRemovedOnExit ? $"Ctrl-C stops everything and removes {sandbox.Folder}." : "Ctrl-C stops everything.",
        };
        return string.Join('\n', lines) + "\n";
    }
}
