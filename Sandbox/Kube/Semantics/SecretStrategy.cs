using System.Text;
using System.Text.Json.Nodes;

namespace Ccm.Sandbox.Kube.Semantics;

/// <summary>Secrets: <c>stringData</c> is write-only convenience, merged into base64 <c>data</c>; type defaults to Opaque.</summary>
internal sealed class SecretStrategy : DefaultStrategy
{
    public override void PrepareForCreate(AdmissionContext context, JsonObject obj)
    {
        obj["type"] ??= "Opaque";
        FoldStringData(obj);
    }

    public override void PrepareForUpdate(AdmissionContext context, JsonObject obj, JsonObject old)
    {
        obj["type"] ??= old["type"]?.DeepClone();
        if (!JsonNode.DeepEquals(obj["type"], old["type"]))
        {
            var errors = new FieldErrors();
            errors.Invalid("type", obj["type"], "field is immutable");
            errors.ThrowIfAny(context.Type, Meta.Name(obj));
        }

        FoldStringData(obj);
    }

    private static void FoldStringData(JsonObject obj)
    {
        if (obj["stringData"] is not JsonObject stringData)
        {
            obj.Remove("stringData");
            return;
        }

        var data = Meta.Child(obj, "data");
        foreach (var (key, value) in stringData)
        {
            data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes((string?)value ?? ""));
        }

        obj.Remove("stringData");
    }
}
