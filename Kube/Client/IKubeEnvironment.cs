namespace Ccm.Kube.Client;

/// <summary>The process environment the connection is found in: a seam so tests need not set real variables.</summary>
public interface IKubeEnvironment
{
    string? GetEnvironmentVariable(string name);

    bool FileExists(string path);

    string? HomeDirectory { get; }

    /// <summary>The folder holding the service account's <c>token</c>, <c>ca.crt</c> and <c>namespace</c>.</summary>
    string ServiceAccountFolder { get; }
}

/// <summary>The real environment: process variables, the file system, the kubelet's service-account mount.</summary>
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

    public string ServiceAccountFolder => "/var/run/secrets/kubernetes.io/serviceaccount";

    public string? GetEnvironmentVariable(string name) => Environment.GetEnvironmentVariable(name);

    public bool FileExists(string path) => File.Exists(path);
}
