namespace Ccm.Sandbox.Kube.Protobuf;

/// <summary>Reads protobuf wire format (varints, fixed widths, length-delimited fields) from a byte span.</summary>
internal ref struct ProtoReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> data = data;
    private int position;

    public readonly bool End => position >= data.Length;

    /// <summary>Reads the next field's number and wire type.</summary>
    public (int Field, int WireType) ReadTag()
    {
        var tag = ReadVarint();
        return ((int)(tag >> 3), (int)(tag & 7));
    }

    public ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = Next();
            value |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new FormatException("malformed protobuf varint");
    }

    public ReadOnlySpan<byte> ReadBytes()
    {
        var length = (int)ReadVarint();
        if (length < 0 || position + length > data.Length)
        {
            throw new FormatException("protobuf length runs past the end of the message");
        }

        var bytes = data.Slice(position, length);
        position += length;
        return bytes;
    }

    /// <summary>Skips a field of the given wire type (unknown fields are ignored, as protobuf decoders do).</summary>
    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case 0:
                ReadVarint();
                break;
            case 1:
                Advance(8);
                break;
            case 2:
                ReadBytes();
                break;
            case 5:
                Advance(4);
                break;
            default:
                throw new FormatException($"unsupported protobuf wire type {wireType}");
        }
    }

    private void Advance(int count)
    {
        if (position + count > data.Length)
        {
            throw new FormatException("protobuf field runs past the end of the message");
        }

        position += count;
    }

    private byte Next() =>
        position < data.Length ? data[position++] : throw new FormatException("protobuf message ends inside a field");
}
