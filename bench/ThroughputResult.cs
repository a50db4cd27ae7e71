using System.Globalization;
using Ccm.CloudClients.Transport;

namespace Ccm.Bench;

/// <summary>One measured run: calls the client completed and the emulator counted, wall time and this process's CPU time.</summary>
internal sealed record ThroughputResult(SignatureVersion Version, long Succeeded, int Failed, long Arrived, TimeSpan Elapsed, TimeSpan Cpu)
{
    public double CallsPerSecond => Succeeded / Elapsed.TotalSeconds;

    /// <summary>Client and emulator share this process, so this is what one call costs both sides together.</summary>
    public double CpuMicrosecondsPerCall => Cpu.TotalMicroseconds / Math.Max(1, Succeeded);

    public void Print(double target)
    {
        var problems = (Failed > 0 ? $"; {Failed} calls failed" : "")
            + (Arrived == Succeeded + Failed ? "" : $"; the emulator counted {Arrived} calls");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {Version}: {Succeeded} signed calls in {Elapsed.TotalSeconds:F1} s = {CallsPerSecond:F0} calls/s; target {target:F0} calls/s; ratio {CallsPerSecond / target:F2}{problems}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"      CPU {CpuMicrosecondsPerCall:F0} us per call (client + emulator): about {Environment.ProcessorCount * 1e6 / CpuMicrosecondsPerCall:F0} calls/s if this process had the {Environment.ProcessorCount} cores to itself"));
    }
}
