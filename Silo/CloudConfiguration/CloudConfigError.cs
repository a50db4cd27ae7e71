namespace Ccm.Silo.CloudConfiguration;

/// <summary>One problem in a cloud-config file: where it is, which field, what is wrong and how to fix it.</summary>
public sealed record CloudConfigError(int Line, int Column, string Field, string Problem, string Fix)
{
    public string Format(string path) => $"{path}:{Line}:{Column}: {Field}: {Problem}. {Fix}";
}
