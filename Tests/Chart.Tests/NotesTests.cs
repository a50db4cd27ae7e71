namespace Ccm.Chart.Tests;

/// <summary>NOTES.txt: how to reach the dashboard, read its credentials, and check the first LoadBalancer Service.</summary>
public sealed class NotesTests
{
    [Fact]
    public async Task Default_notes_give_the_port_forward_token_and_first_service_commands()
    {
        var notes = await ChartRenderer.RenderNotesAsync("kube-system");

        Assert.Contains("kubectl -n kube-system port-forward service/ccm-dashboard 8080:8080", notes, StringComparison.Ordinal);
        Assert.Contains("kubectl -n kube-system get secret ccm-dashboard-auth -o jsonpath='{.data.token}' | base64 -d", notes, StringComparison.Ordinal);
        Assert.Contains("kubectl expose deployment hello --type=LoadBalancer --port=80", notes, StringComparison.Ordinal);
        Assert.Contains("kubectl get service hello --watch", notes, StringComparison.Ordinal);
        Assert.Contains("kubectl -n kube-system rollout status statefulset/ccm", notes, StringComparison.Ordinal);
        Assert.DoesNotContain("not kube-system", notes, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", notes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notes_warn_about_dry_run_and_another_namespace()
    {
        var notes = await ChartRenderer.RenderNotesAsync("ccm-system", ValueSets.DryRun);

        Assert.Contains("silo.dryRun is true", notes, StringComparison.Ordinal);
        Assert.Contains("installed in ccm-system, not kube-system", notes, StringComparison.Ordinal);
        Assert.Contains("kubectl -n ccm-system port-forward service/ccm-dashboard", notes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notes_follow_the_auth_mode()
    {
        var basic = await ChartRenderer.RenderNotesAsync("kube-system", ValueSets.BasicAuth);
        var none = await ChartRenderer.RenderNotesAsync("kube-system", ValueSets.NoAuth);
        var keys = await ChartRenderer.RenderNotesAsync("kube-system", ValueSets.CloudConfigKeys);
        var noService = await ChartRenderer.RenderNotesAsync("kube-system", ValueSets.ExistingDashboardSecret);

        Assert.Contains("-o jsonpath='{.data.auth}'", basic, StringComparison.Ordinal);
        Assert.Contains("WARNING: dashboard.auth is none", none, StringComparison.Ordinal);
        Assert.DoesNotContain("get secret", none, StringComparison.Ordinal);
        Assert.Contains("the AccessKey is stored base64-encoded in ConfigMap kube-system/cloud-config", keys, StringComparison.Ordinal);
        Assert.Contains("port-forward pod/ccm-0 8080:8080", noService, StringComparison.Ordinal);
        Assert.Contains("get secret my-dashboard-token", noService, StringComparison.Ordinal);
    }
}
