using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Ccm.Sandbox.Kube.Protobuf;

/// <summary>
/// Decodes a Kubernetes protobuf request body (<c>application/vnd.kubernetes.protobuf</c>) into the JSON object it
/// stands for: the "k8s\0" magic, a runtime.Unknown envelope (type meta + raw message), then the message by
/// <see cref="KubeProtoSchemas"/>. kubectl's <c>create</c> generators send these; everything else kubectl sends is JSON.
/// </summary>
internal static class KubeProtobuf
{
    public const string ContentType = "application/vnd.kubernetes.protobuf";

    private static readonly byte[] Magic = [0x6b, 0x38, 0x73, 0x00];

    public static JsonObject Decode(ReadOnlySpan<byte> body)
    {
        if (!body.StartsWith(Magic))
        {
            throw new FormatException("the protobuf body does not start with the Kubernetes magic prefix");
        }

        string apiVersion = "", kind = "";
        ReadOnlySpan<byte> raw = default;
        var envelope = new ProtoReader(body[Magic.Length..]);
        while (!envelope.End)
        {
            var (field, wireType) = envelope.ReadTag();
            switch (field)
            {
                case 1 when wireType == 2:
                    var typeMeta = new ProtoReader(envelope.ReadBytes());
                    while (!typeMeta.End)
                    {
                        var (f, w) = typeMeta.ReadTag();
                        if (f is 1 or 2 && w == 2)
                        {
                            var text = Encoding.UTF8.GetString(typeMeta.ReadBytes());
                            (apiVersion, kind) = f == 1 ? (text, kind) : (apiVersion, text);
                        }
                        else
                        {
                            typeMeta.Skip(w);
                        }
                    }

                    break;
                case 2 when wireType == 2:
                    raw = envelope.ReadBytes();
                    break;
                default:
                    envelope.Skip(wireType);
                    break;
            }
        }

        var schema = KubeProtoSchemas.ForKind(apiVersion, kind)
            ?? throw new NotSupportedException($"{apiVersion} {kind}");
        var obj = DecodeMessage(raw, schema);
        obj.Insert(0, "kind", kind);
        obj.Insert(1, "apiVersion", apiVersion);
        return obj;
    }

    private static JsonObject DecodeMessage(ReadOnlySpan<byte> data, ProtoMessage schema)
    {
        var obj = new JsonObject();
        var reader = new ProtoReader(data);
        while (!reader.End)
        {
            var (number, wireType) = reader.ReadTag();
            if (schema.Field(number) is not { } field)
            {
                reader.Skip(wireType);
                continue;
            }

            var value = ReadValue(ref reader, wireType, field);
            if (value is null)
            {
                continue;
            }

            if (field.Repeated)
            {
                ((obj[field.Name] ??= new JsonArray()) as JsonArray)!.Add(value);
            }
            else if (field.Kind is ProtoKind.StringMap or ProtoKind.BytesMap or ProtoKind.QuantityMap)
            {
                var map = (obj[field.Name] ??= new JsonObject()).AsObject();
                foreach (var (key, entry) in value.AsObject().ToList())
                {
                    value.AsObject().Remove(key);
                    map[key] = entry;
                }
            }
            else
            {
                obj[field.Name] = value;
            }
        }

        return obj;
    }

    private static JsonNode? ReadValue(ref ProtoReader reader, int wireType, ProtoField field)
    {
        switch (field.Kind)
        {
            case ProtoKind.String when wireType == 2:
                var text = Encoding.UTF8.GetString(reader.ReadBytes());
                return text.Length > 0 || field.Repeated ? JsonValue.Create(text) : null;
            case ProtoKind.Int32 or ProtoKind.Int64 when wireType == 0:
                var number = (long)reader.ReadVarint();
                number = field.Kind == ProtoKind.Int32 ? (int)number : number;
                return number != 0 || field.KeepZero ? JsonValue.Create(number) : null;
            case ProtoKind.Bool when wireType == 0:
                var flag = reader.ReadVarint() != 0;
                return flag || field.KeepZero ? JsonValue.Create(flag) : null;
            case ProtoKind.Message when wireType == 2:
                return DecodeMessage(reader.ReadBytes(), KubeProtoSchemas.Named(field.Message!));
            case ProtoKind.StringMap or ProtoKind.BytesMap or ProtoKind.QuantityMap when wireType == 2:
                return MapEntry(reader.ReadBytes(), field.Kind);
            case ProtoKind.Time when wireType == 2:
                return Time(reader.ReadBytes());
            case ProtoKind.IntOrString when wireType == 2:
                return IntOrString(reader.ReadBytes());
            default:
                reader.Skip(wireType);
                return null;
        }
    }

    /// <summary>A map entry (key = 1, value = 2) as a one-property object.</summary>
    private static JsonObject MapEntry(ReadOnlySpan<byte> data, ProtoKind kind)
    {
        var reader = new ProtoReader(data);
        string key = "";
        JsonNode? value = "";
        while (!reader.End)
        {
            var (field, wireType) = reader.ReadTag();
            if (field is 1 && wireType == 2)
            {
                key = Encoding.UTF8.GetString(reader.ReadBytes());
            }
            else if (field is 2 && wireType == 2)
            {
                var bytes = reader.ReadBytes();
                value = kind switch
                {
                    ProtoKind.BytesMap => Convert.ToBase64String(bytes),
                    ProtoKind.QuantityMap => Quantity(bytes),
                    _ => Encoding.UTF8.GetString(bytes),
                };
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return new JsonObject { [key] = value };
    }

    private static string Quantity(ReadOnlySpan<byte> data)
    {
        var reader = new ProtoReader(data);
        var text = "";
        while (!reader.End)
        {
            var (field, wireType) = reader.ReadTag();
            if (field == 1 && wireType == 2)
            {
                text = Encoding.UTF8.GetString(reader.ReadBytes());
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return text;
    }

    private static JsonValue? Time(ReadOnlySpan<byte> data)
    {
        var reader = new ProtoReader(data);
        long seconds = 0;
        while (!reader.End)
        {
            var (field, wireType) = reader.ReadTag();
            if (field == 1 && wireType == 0)
            {
                seconds = (long)reader.ReadVarint();
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        // The zero time is how an unset timestamp travels; JSON has null (omitted) for it.
        return seconds == 0 || seconds == -62135596800 ? null
            : JsonValue.Create(DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }

    private static JsonValue IntOrString(ReadOnlySpan<byte> data)
    {
        var reader = new ProtoReader(data);
        long type = 0, intValue = 0;
        var stringValue = "";
        while (!reader.End)
        {
            var (field, wireType) = reader.ReadTag();
            switch (field)
            {
                case 1 when wireType == 0:
                    type = (long)reader.ReadVarint();
                    break;
                case 2 when wireType == 0:
                    intValue = (int)reader.ReadVarint();
                    break;
                case 3 when wireType == 2:
                    stringValue = Encoding.UTF8.GetString(reader.ReadBytes());
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        return type == 1 ? JsonValue.Create(stringValue) : JsonValue.Create(intValue);
    }
}
