using System.Text.Json.Nodes;

namespace Ccm.Sandbox.Kube.Semantics;

/// <summary>Collects field errors, worded as k8s.io/apimachinery/pkg/util/validation/field, for one 422 reply.</summary>
internal sealed class FieldErrors
{
    private readonly List<KubeStatusCause> causes = [];

    public bool Any => causes.Count > 0;

    public void Required(string field, string? detail = null) =>
        causes.Add(new("FieldValueRequired", $"{field}: Required value" + (detail is null ? "" : $": {detail}"), field));

    public void Invalid(string field, JsonNode? value, string detail) =>
        causes.Add(new("FieldValueInvalid", $"{field}: Invalid value: {Render(value)}: {detail}", field));

    public void Duplicate(string field, JsonNode? value) =>
        causes.Add(new("FieldValueDuplicate", $"{field}: Duplicate value: {Render(value)}", field));

    public void Forbidden(string field, string detail) =>
        causes.Add(new("FieldValueForbidden", $"{field}: Forbidden: {detail}", field));

    public void NotSupported(string field, JsonNode? value, IEnumerable<string> supported) =>
        causes.Add(new("FieldValueNotSupported",
            $"{field}: Unsupported value: {Render(value)}: supported values: {string.Join(", ", supported.Select(s => $"\"{s}\""))}", field));

    public void ThrowIfAny(ResourceType type, string name)
    {
        if (causes.Count > 0)
        {
            throw KubeApiException.Invalid(type, name, causes);
        }
    }

    private static string Render(JsonNode? value) => value?.ToJsonString() ?? "null";
}
