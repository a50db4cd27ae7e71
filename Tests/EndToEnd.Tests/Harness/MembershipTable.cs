using System.Text.Json.Nodes;

namespace Ccm.EndToEnd.Tests;

/// <summary>One row of the Orleans membership table as the ConfigMap stores it: the silo's name, address and status.</summary>
public sealed record MemberRow(string SiloName, string SiloAddress, string Status);

/// <summary>
/// The Orleans membership table read the way an operator reads it: the ConfigMap <c>&lt;name&gt;-membership</c> in the
/// resource namespace, one data key per silo (<c>silo.*</c>) holding the row's JSON.
/// </summary>
public static class MembershipTable
{
    /// <summary>Every row, read with <c>kubectl get configmap</c>; empty while the table does not exist.</summary>
    public static async Task<IReadOnlyList<MemberRow>> ReadAsync(Kubectl kubectl, string name = "ccm", string @namespace = "kube-system")
    {
        var result = await kubectl.RunAsync("get", "configmap", $"{name}-membership", "-n", @namespace, "-o", "json");
        return result.ExitCode == 0 ? Rows(JsonNode.Parse(result.StandardOutput)) : [];
    }

    /// <summary>The rows of a ConfigMap already read (from the emulator's store, say); empty for null.</summary>
    public static IReadOnlyList<MemberRow> Rows(JsonNode? configMap) =>
        [.. (configMap?["data"]?.AsObject() ?? [])
            .Where(kv => kv.Key.StartsWith("silo.", StringComparison.Ordinal))
            .Select(kv => JsonNode.Parse((string)kv.Value!)!)
            .Select(row => new MemberRow((string)row["siloName"]!, (string)row["siloAddress"]!, (string)row["status"]!))];

    /// <summary>The names of the silos whose row says Active.</summary>
    public static IReadOnlyList<string> Active(IEnumerable<MemberRow> rows) =>
        [.. rows.Where(r => r.Status == "Active").Select(r => r.SiloName).Order(StringComparer.Ordinal)];
}
