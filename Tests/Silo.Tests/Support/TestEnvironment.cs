namespace Ccm.Silo.Tests.Support;

/// <summary>An environment for <see cref="Options.CommandLine.Parse"/> made of the given variables only.</summary>
public static class TestEnvironment
{
    public static Func<string, string?> Empty { get; } = _ => null;

    public static Func<string, string?> With(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return name => map.GetValueOrDefault(name);
    }
}
