namespace Ccm.Runtime;

/// <summary>A timer registered by a grain; disposing it stops further callbacks.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Re-arms the timer: next callback after <paramref name="dueTime"/>, then every <paramref name="period"/>.</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}
