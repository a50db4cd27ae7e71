namespace Ccm.Kube.Config;

/// <summary>The environment variables and files configuration is read from, injectable for tests.</summary>
public interface IKubeEnvironment
{
    string? GetEnvironmentVariable(string name);

    bool FileExists(string path);

    /// <summary>Reads a whole file; throws <see cref="IOException"/> (or a subclass) when it cannot.</summary>
    byte[] ReadAllBytes(string path);

    /// <summary>The user's home directory (for <c>~/.kube/config</c>), or null when there is none.</summary>
    string? HomeDirectory { get; }
}

/// <summary>The real process environment and file system.</summary>
public sealed class SystemKubeEnvironment : IKubeEnvironment
{
    public static SystemKubeEnvironment Instance { get; } = new();

    public string? HomeDirectory
    {
        get
        {
            var home = Environment.GetEnvironmentVariable("HOME");
            return string.IsNullOrEmpty(home) ? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) : home;
        }
    }

    public string? GetEnvironmentVariable(string name) => Environment.GetEnvironmentVariable(name);

    public bool FileExists(string path) => File.Exists(path);

    public byte[] ReadAllBytes(string path) => File.ReadAllBytes(path);
}
