using System.Text.Json.Nodes;

namespace Ccm.Sandbox.Kube.Storage;

/// <summary>Orders top-level fields as the API server prints them: kind, apiVersion, metadata, then the rest.</summary>
internal static class ObjectLayout
{
    private static readonly string[] Leading = ["kind", "apiVersion", "metadata"];

    public static JsonObject Normalize(JsonObject obj)
    {
        var position = 0;
        foreach (var name in Leading)
        {
            var index = obj.IndexOf(name);
            if (index < 0)
            {
                continue;
            }

            if (index != position)
            {
                var value = obj.GetAt(index).Value;
                obj.RemoveAt(index);
                obj.Insert(position, name, value);
            }

            position++;
        }

        return obj;
    }
}
