using Ccm.Sandbox.Kube.Storage;

namespace Ccm.Sandbox.Kube.Controllers;

/// <summary>
/// One stand-in controller, level-triggered like controller-runtime's reconcilers: an event only says which keys to
/// look at; <see cref="Reconcile"/> reads the current state and writes what is missing. All controllers run on one
/// loop (<see cref="ClusterControllers"/>), so they need no locking of their own.
/// </summary>
internal interface IController
{
    string Name { get; }

    /// <summary>The keys an event concerns (and a chance to update the controller's own indexes).</summary>
    IEnumerable<string> KeysFor(StoreEvent e);

    /// <summary>Every key, rebuilding indexes: at start, and after the loop fell out of the event window.</summary>
    IEnumerable<string> Resync(StoreSnapshot snapshot);

    /// <summary>Brings one key to its desired state. Throwing retries the key later.</summary>
    void Reconcile(string key);
}
