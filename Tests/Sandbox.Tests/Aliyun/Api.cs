using Ccm.Sandbox.Demo;

namespace Ccm.Sandbox.Tests.Aliyun;

/// <summary>Parameter helpers that keep the tests short.</summary>
public static class Api
{
    public static Dictionary<string, string> P(params (string Key, string Value)[] pairs)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["RegionId"] = DemoWorld.RegionId };
        foreach (var (key, value) in pairs)
        {
            parameters[key] = value;
        }

        return parameters;
    }

    public static string Node(int index) => DemoWorld.Nodes[index].InstanceId;
}
