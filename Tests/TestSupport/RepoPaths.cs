namespace Ccm.TestSupport;

/// <summary>Where things are in the repository, found from the test assembly's folder.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder that holds <c>Ccm.sln</c>.</summary>
    public static string Root => RootPath.Value;

    /// <summary><c>Tests/interop</c>: the npm clients' folder (node_modules installed by <c>scripts/install-test-deps.sh</c>).</summary>
    public static string Interop => Path.Combine(Root, "Tests", "interop");

    /// <summary>A tool installed by the test script into <c>.tools/bin</c> (helm, kubectl), else the machine's own.</summary>
    public static string Tool(string name)
    {
        var local = Path.Combine(Root, ".tools", "bin", name);
        return File.Exists(local) ? local : name;
    }

    /// <summary>The built output of a project of ours, e.g. <c>Project("Sandbox", "Ccm.Sandbox.dll")</c>.</summary>
    public static string BuiltAssembly(string projectFolder, string assemblyFile)
    {
        // Test assemblies run from Tests/X/bin/<Configuration>/net10.0; the project's own output mirrors that.
        // BaseDirectory ends with a separator, which put the parent chain one level off (it found "bin").
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var path = Path.Combine(Root, projectFolder, "bin", configuration, "net10.0", assemblyFile);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{assemblyFile} is not built; reference {projectFolder} from the test project", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ccm.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Ccm.sln not found above " + AppContext.BaseDirectory);
    }
}
