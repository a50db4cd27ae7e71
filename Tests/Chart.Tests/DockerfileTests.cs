using System.Text.RegularExpressions;
using Ccm.TestSupport;

namespace Ccm.Chart.Tests;

/// <summary>
/// The silo image cannot be built here (no docker), so these check that the Dockerfile and the chart agree: the
/// image's user is the chart's non-root uid, and the entry point is the silo assembly.
/// </summary>
public sealed partial class DockerfileTests
{
    private static readonly string DockerfilePath = Path.Combine(RepoPaths.Root, "Dockerfile");

    [Fact]
    public async Task Image_runs_as_the_uid_and_gid_the_chart_sets()
    {
        var dockerfile = await File.ReadAllTextAsync(DockerfilePath);
        var pod = (await ChartRenderer.RenderAsync()).PodSpec["securityContext"]!;

        var user = User().Match(dockerfile);
        Assert.True(user.Success, "the Dockerfile sets no numeric USER");
        Assert.Equal((int)pod["runAsUser"]!, int.Parse(user.Groups["uid"].Value));
        Assert.Equal((int)pod["runAsGroup"]!, int.Parse(user.Groups["gid"].Value));
    }

    [Fact]
    public async Task Build_is_multi_stage_from_base_images_the_builder_names()
    {
        // The base images are build arguments (no registry is written in the repository); a build without them
        // stops at once with a message that says which image is missing.
        var dockerfile = await File.ReadAllTextAsync(DockerfilePath);
        var froms = From().Matches(dockerfile).Select(m => m.Groups["image"].Value).ToList();

        Assert.Equal(2, froms.Count);
        Assert.StartsWith("${SDK_IMAGE:?", froms[0], StringComparison.Ordinal);
        Assert.StartsWith("${RUNTIME_IMAGE:?", froms[1], StringComparison.Ordinal);
        Assert.Contains("ARG SDK_IMAGE", dockerfile, StringComparison.Ordinal);
        Assert.Contains("ARG RUNTIME_IMAGE", dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entry_point_runs_the_silo_assembly_the_publish_step_produces()
    {
        var dockerfile = await File.ReadAllTextAsync(DockerfilePath);

        Assert.Contains("ENTRYPOINT [\"dotnet\", \"Ccm.Silo.dll\"]", dockerfile, StringComparison.Ordinal);
        Assert.Contains("dotnet publish Silo/Silo.csproj", dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_context_leaves_out_build_output_tools_and_tests()
    {
        var ignored = (await File.ReadAllLinesAsync(Path.Combine(RepoPaths.Root, ".dockerignore")))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet();

        Assert.Superset(new HashSet<string> { "**/bin", "**/obj", ".git/", ".tools/", "**/node_modules", "Tests/" }, ignored);
    }

    [GeneratedRegex(@"^USER (?<uid>[0-9]+):(?<gid>[0-9]+)\s*$", RegexOptions.Multiline)]
    private static partial Regex User();

    [GeneratedRegex(@"^FROM (?<image>\S+)", RegexOptions.Multiline)]
    private static partial Regex From();
}
