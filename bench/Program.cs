using Ccm.Bench;

// Every IBenchmark in this assembly is a command; with no name, list them. `smoke NAME` runs one at its reduced size.
var benchmarks = typeof(IBenchmark).Assembly.GetTypes()
    .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBenchmark).IsAssignableFrom(t))
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .ToList();

var smoke = args is ["smoke", _];
var name = smoke ? args[1] : args.FirstOrDefault();
var chosen = name is null ? null : benchmarks.FirstOrDefault(b => b.Name == name);
if (chosen is null)
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench -- <benchmark> [args]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench -- smoke <benchmark>   (a reduced-size run: it completes and reports)");
    foreach (var b in benchmarks)
    {
        Console.Error.WriteLine($"  {b.Name,-28} {b.Description}");
    }

    return args.Length == 0 ? 0 : 2;
}

using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
return await chosen.RunAsync(smoke ? [.. chosen.SmokeArgs] : args[1..], cts.Token);
