using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Ccm.Sandbox.Kube.Controllers;

/// <summary>
/// The <c>pod-template-hash</c> label: an FNV-1a hash of the pod template, written with the "safe" alphabet the
/// Deployment controller uses (no vowels, no look-alike digits), e.g. <c>web-7d9f8b6c5q-x2k4p</c>.
/// </summary>
internal static class TemplateHash
{
    private const string SafeAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static string Of(JsonNode? template)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(template?.ToJsonString() ?? ""))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return string.Concat(hash.ToString(CultureInfo.InvariantCulture).Select(c => SafeAlphabet[c % SafeAlphabet.Length]));
    }
}
