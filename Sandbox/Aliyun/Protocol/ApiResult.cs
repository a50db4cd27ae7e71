using System.Text.Json.Serialization.Metadata;

namespace Ccm.Sandbox.Aliyun.Protocol;

/// <summary>A successful answer: the body and the source-generated metadata that serialises it.</summary>
internal readonly record struct ApiResult(object Body, JsonTypeInfo TypeInfo)
{
    public static ApiResult Of<T>(T body, JsonTypeInfo<T> typeInfo)
        where T : notnull => new(body, typeInfo);
}

/// <summary>Handles one action synchronously against the in-memory cloud.</summary>
internal delegate ApiResult ActionHandler(ActionContext context);
