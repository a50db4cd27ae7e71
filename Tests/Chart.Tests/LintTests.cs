namespace Ccm.Chart.Tests;

public sealed class LintTests
{
    [Fact]
    public async Task Chart_passes_strict_lint_with_its_default_values()
    {
        var result = await Helm.RunAsync(["lint", "--strict", Helm.Chart, "--namespace", ChartRenderer.Namespace]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("1 chart(s) linted, 0 chart(s) failed", result.StandardOutput);
    }

    [Theory]
    [MemberData(nameof(ValueSets.Valid), MemberType = typeof(ValueSets))]
    public async Task Chart_passes_strict_lint_with_each_value_set(string valuesFile)
    {
        var result = await Helm.RunAsync(["lint", "--strict", Helm.Chart, "--namespace", ChartRenderer.Namespace,
            "--values", ChartRenderer.ValuesFile(valuesFile)]);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task Every_value_set_renders_the_same_kinds_of_objects_apart_from_optional_ones()
    {
        // Objects every configuration has, whatever its options.
        string[] always = ["StatefulSet", "ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding", "PodDisruptionBudget"];
        foreach (var valuesFile in ValueSets.All)
        {
            var chart = await ChartRenderer.RenderAsync(valuesFile);
            foreach (var kind in always)
            {
                Assert.True(chart.Has(kind), $"{valuesFile} renders no {kind}");
            }

            Assert.All(chart.Objects, o => Assert.NotNull(o["metadata"]?["labels"]?["app.kubernetes.io/instance"]));
        }
    }

    [Fact]
    public void Every_value_file_is_in_the_linted_value_sets()
    {
        var files = Directory.GetFiles(ChartRenderer.ValuesFile(""), "*.yaml").Select(Path.GetFileName).Order();

        Assert.Equal(files, ValueSets.All.Order());
    }
}
