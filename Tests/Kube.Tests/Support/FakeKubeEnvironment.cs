using System.Text;
using Ccm.Kube.Config;

namespace Ccm.Kube.Tests.Support;

/// <summary>Environment variables and files held in memory.</summary>
internal sealed class FakeKubeEnvironment : IKubeEnvironment
{
    public Dictionary<string, string> Variables { get; } = [];

    public Dictionary<string, byte[]> Files { get; } = [];

    public string? HomeDirectory { get; set; } = "/home/test";

    public FakeKubeEnvironment File(string path, string text)
    {
        Files[path] = Encoding.UTF8.GetBytes(text);
        return this;
    }

    public FakeKubeEnvironment Variable(string name, string value)
    {
        Variables[name] = value;
        return this;
    }

    public string? GetEnvironmentVariable(string name) => Variables.GetValueOrDefault(name);

    public bool FileExists(string path) => Files.ContainsKey(path);

    public byte[] ReadAllBytes(string path) =>
        Files.TryGetValue(path, out var bytes) ? bytes : throw new FileNotFoundException($"Could not find file '{path}'.", path);
}
