using System.Text;
using Ccm.Silo.Options;

namespace Ccm.Silo.Flags;

/// <summary>Renders <c>--help</c> from the flag table, so every flag, default and variable is documented by construction.</summary>
public static class HelpWriter
{
    private const int Width = 100;
    private const string Indent = "        ";

    public static string Render(string program)
    {
        var text = new StringBuilder();
        text.AppendLine($"Usage: {program} [flags]")
            .AppendLine()
            .AppendLine(Wrap("An Alibaba Cloud cloud-controller-manager: a Classic Load Balancer for every Service of type LoadBalancer, Nodes mapped to their ECS instances, and pod-CIDR routes in the VPC route tables. It accepts the upstream CCM's flags, manifests and cloud-config unchanged.", ""))
            .AppendLine()
            .AppendLine($"  {program} --cloud-config=/etc/kubernetes/config/cloud-config.conf --cluster-cidr=172.20.0.0/16")
            .AppendLine($"  {program} --sandbox      (try it on 127.0.0.1 against emulated Kubernetes and Alibaba Cloud)")
            .AppendLine()
            .AppendLine(Wrap("Values: --flag=value or --flag value. Booleans stand alone (--dry-run) or take =true|false. Durations use Go syntax (90s, 5m, 1h30m, 500ms). Lists are comma-separated. When a flag is repeated the last value wins; lists accumulate.", ""));

        Section(text, "Upstream-compatible flags:", FlagGroup.Upstream);
        Section(text, "Accepted for compatibility and ignored (each is logged once at start):", FlagGroup.Ignored);
        Section(text, "Flags of this CCM:", FlagGroup.Ours);

        text.AppendLine().AppendLine("Environment:");
        foreach (var (name, help) in EnvironmentSettings.Documented)
        {
            text.AppendLine($"  {name}").AppendLine(Wrap(help, Indent));
        }

        return text.AppendLine()
            .AppendLine("Other:")
            .AppendLine("  -h, --help      show this help and exit")
            .AppendLine("  --version       print the version and exit")
            .AppendLine()
            .AppendLine("Exit codes: 0 after a clean stop or --help; 2 for invalid flags, environment or cloud-config; 1 for any other failure.")
            .ToString();
    }

    private static void Section(StringBuilder text, string title, FlagGroup group)
    {
        text.AppendLine().AppendLine(title);
        foreach (var flag in FlagTable.All.Where(f => f.Group == group))
        {
            var name = flag.Name == "v" ? "-v, --v" : flag.Display;
            text.AppendLine($"  {name} {flag.ValueName}");
            var details = flag.Help;
            var defaults = DefaultText(flag);
            if (defaults is not null)
            {
                details += $" ({defaults})";
            }

            text.AppendLine(Wrap(details, Indent));
        }
    }

    private static string? DefaultText(FlagDefinition flag)
    {
        var value = flag.DefaultNote ?? (flag.Default is { Length: > 0 } d ? d : null);
        return (flag.EnvironmentVariable, value) switch
        {
            (null, null) => null,
            (null, { } v) => $"default: {v}",
            ({ } env, null) => $"default: ${env}",
            ({ } env, { } v) => $"default: ${env}, else {v}",
        };
    }

    private static string Wrap(string paragraph, string indent)
    {
        var lines = new StringBuilder();
        var line = new StringBuilder(indent);
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > indent.Length && line.Length + 1 + word.Length > Width)
            {
                lines.AppendLine(line.ToString());
                line.Clear().Append(indent);
            }

            line.Append(line.Length > indent.Length ? " " : "").Append(word);
        }

        return lines.Append(line).ToString();
    }
}
