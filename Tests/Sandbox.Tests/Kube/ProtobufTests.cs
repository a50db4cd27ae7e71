using Ccm.Sandbox.Kube.Protobuf;

namespace Ccm.Sandbox.Tests.Kube;

public sealed class ProtobufTests
{
    [Fact]
    public void A_namespace_decodes_from_its_envelope()
    {
        // k8s\0, Unknown{typeMeta{apiVersion "v1", kind "Namespace"}, raw Namespace{metadata{name "demo", labels{a: b}}}}
        byte[] body =
        [
            0x6b, 0x38, 0x73, 0x00,
            0x0a, 0x0f, 0x0a, 0x02, (byte)'v', (byte)'1', 0x12, 0x09, .. "Namespace"u8,
            0x12, 0x12, 0x0a, 0x10, 0x0a, 0x04, .. "demo"u8, 0x5a, 0x08, 0x0a, 0x01, (byte)'a', 0x12, 0x03, .. "bcd"u8,
        ];

        var obj = KubeProtobuf.Decode(body);

        Assert.Equal("Namespace", (string?)obj["kind"]);
        Assert.Equal("v1", (string?)obj["apiVersion"]);
        Assert.Equal("demo", (string?)obj["metadata"]!["name"]);
        Assert.Equal("bcd", (string?)obj["metadata"]!["labels"]!["a"]);
    }

    [Fact]
    public void A_kind_without_a_schema_is_not_supported()
    {
        byte[] body = [0x6b, 0x38, 0x73, 0x00, 0x0a, 0x0b, 0x0a, 0x02, (byte)'v', (byte)'1', 0x12, 0x05, .. "Thing"u8];

        Assert.Throws<NotSupportedException>(() => KubeProtobuf.Decode(body));
    }

    [Theory]
    [InlineData(new byte[] { 0x7b, 0x7d })]
    [InlineData(new byte[] { 0x6b, 0x38, 0x73, 0x00, 0x0a, 0x7f })]
    public void Malformed_bodies_are_format_errors(byte[] body) =>
        Assert.Throws<FormatException>(() => KubeProtobuf.Decode(body));
}
