namespace Ccm.Runtime;

/// <summary>
/// Marks a grain interface whose implementation is a <see cref="ReconcilerGrain"/>, so that
/// <see cref="IGrainFactory.Signal{T}"/> can address it.
/// </summary>
public interface IReconcilerGrain : IGrainWithStringKey
{
}
