using System.Collections.Frozen;

namespace Ccm.Sandbox.Kube.Protobuf;

/// <summary>How a protobuf field becomes JSON.</summary>
internal enum ProtoKind
{
    String,
    Bytes,
    Int32,
    Int64,
    Bool,
    Message,
    StringMap,
    BytesMap,
    QuantityMap,
    Time,
    IntOrString,
    Quantity,
}

/// <summary>
/// One field of a Kubernetes protobuf message. Kubernetes' encoder writes non-pointer fields even when empty, while the
/// JSON it stands for omits them; so zero values are dropped unless <see cref="KeepZero"/> says the Go field is a
/// pointer whose zero is meaningful (<c>replicas: 0</c>).
/// </summary>
internal sealed record ProtoField(string Name, ProtoKind Kind, bool Repeated = false, string? Message = null, bool KeepZero = false);

/// <summary>A message: field numbers to fields.</summary>
internal sealed class ProtoMessage(IEnumerable<(int Number, ProtoField Field)> fields)
{
    private readonly FrozenDictionary<int, ProtoField> fields = fields.ToFrozenDictionary(f => f.Number, f => f.Field);

    public ProtoField? Field(int number) => fields.GetValueOrDefault(number);
}
