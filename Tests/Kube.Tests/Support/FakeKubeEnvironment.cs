using Ccm.Kube.Client;

namespace Ccm.Kube.Tests.Support;

/// <summary>
/// Environment variables held in memory, and a private folder on disk for the files (home, service account,
/// kubeconfigs): KubernetesClient reads kubeconfigs from the real file system.
/// </summary>
internal sealed class FakeKubeEnvironment : IKubeEnvironment, IDisposable
{
    private readonly Dictionary<string, string> variables = [];

    public FakeKubeEnvironment()
    {
        Root = Directory.CreateTempSubdirectory("ccm-kube-env-").FullName;
        HomeDirectory = Path.Combine(Root, "home");
        ServiceAccountFolder = Path.Combine(Root, "var/run/secrets/kubernetes.io/serviceaccount");
    }

    public string Root { get; }

    public string? HomeDirectory { get; set; }

    public string ServiceAccountFolder { get; }

    /// <summary>Writes <paramref name="text"/> to a file under <see cref="Root"/>; returns its full path.</summary>
    public string File(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    public FakeKubeEnvironment Variable(string name, string value)
    {
        variables[name] = value;
        return this;
    }

    /// <summary>The kubelet's mount and Service variables: a Pod with a service account, API server at host:port.</summary>
    public FakeKubeEnvironment InCluster(string host, int port, string token = "sa-token")
    {
        Variable("KUBERNETES_SERVICE_HOST", host).Variable("KUBERNETES_SERVICE_PORT", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(ServiceAccountFolder);
        System.IO.File.WriteAllText(Path.Combine(ServiceAccountFolder, "token"), token);
        return this;
    }

    public string? GetEnvironmentVariable(string name) => variables.GetValueOrDefault(name);

    public bool FileExists(string path) => System.IO.File.Exists(path);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
