using Microsoft.Extensions.Time.Testing;

namespace Ccm.Grains.Tests.Support;

/// <summary>
/// Moves a fake clock in small steps. <see cref="FakeTimeProvider.Advance"/> sets the clock to the end first and then runs
/// every timer that came due, so a timer's callback reads the end time, not its own; stepping keeps each callback within
/// one step of the moment it was due, as a real clock would.
/// </summary>
internal static class FakeTimeSteps
{
    public static void AdvanceInSteps(this FakeTimeProvider time, TimeSpan total, TimeSpan? step = null)
    {
        var size = step ?? TimeSpan.FromMilliseconds(100);
        for (var moved = TimeSpan.Zero; moved < total; moved += size)
        {
            time.Advance(size < total - moved ? size : total - moved);
        }
    }
}
