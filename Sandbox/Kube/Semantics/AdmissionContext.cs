using Ccm.Sandbox.Kube.Storage;

namespace Ccm.Sandbox.Kube.Semantics;

/// <summary>What a strategy may use while admitting one write: the transaction (for allocations), the kind, the clock.</summary>
internal sealed record AdmissionContext(StoreTransaction Transaction, ResourceType Type, TimeProvider Clock);
