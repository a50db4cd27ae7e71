using System.Text.RegularExpressions;

namespace Ccm.Sandbox.Kube.Semantics;

/// <summary>The name formats of k8s.io/apimachinery/pkg/util/validation, with its error wording.</summary>
internal static partial class NameRules
{
    public static string? CheckSubdomain(string name) =>
        name.Length <= 253 && Subdomain().IsMatch(name) ? null
            : "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";

    public static string? CheckLabel1123(string name) =>
        name.Length <= 63 && Label1123().IsMatch(name) ? null
            : "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";

    public static string? CheckLabel1035(string name) =>
        name.Length <= 63 && Label1035().IsMatch(name) ? null
            : "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";

    /// <summary>RBAC names only need to be usable as a path segment (<c>system:controller:x</c> is fine).</summary>
    public static string? CheckPathSegment(string name) =>
        name is "." or ".." ? $"may not be '{name}'"
        : name.Contains('/', StringComparison.Ordinal) || name.Contains('%', StringComparison.Ordinal) ? "may not contain '/' or '%'"
        : null;

    public static string? CheckLabelKey(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var (prefix, name) = slash < 0 ? (null, key) : (key[..slash], key[(slash + 1)..]);
        if (prefix is not null && (prefix.Length == 0 || CheckSubdomain(prefix) is not null))
        {
            return "prefix part must be a lowercase RFC 1123 subdomain";
        }

        return name.Length is > 0 and <= 63 && QualifiedName().IsMatch(name) ? null
            : "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    }

    public static string? CheckLabelValue(string value) =>
        value.Length <= 63 && (value.Length == 0 || QualifiedName().IsMatch(value)) ? null
            : "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Subdomain();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Label1123();

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Label1035();

    [GeneratedRegex("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$")]
    private static partial Regex QualifiedName();
}
