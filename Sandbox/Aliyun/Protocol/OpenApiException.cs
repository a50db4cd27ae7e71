namespace Ccm.Sandbox.Aliyun.Protocol;

/// <summary>
/// An error the emulator answers exactly as the real gateway does: an HTTP status and a JSON body
/// <c>{RequestId, HostId, Code, Message, Recommend}</c>. Thrown by handlers and verifiers; the pipeline turns it
/// into the response. Messages never carry secrets, except the signature mismatch message, which (like the real
/// service) echoes the string to sign back to the caller and is never logged here.
/// </summary>
public sealed class OpenApiException : Exception
{
    public OpenApiException(int statusCode, string code, string message)
        : base(message)
    {
        StatusCode = statusCode;
        Code = code;
    }

    public OpenApiException()
        : this(500, "InternalError", "The request processing has failed due to some unknown error.")
    {
    }

    public OpenApiException(string message)
        : this(400, "InvalidParameter", message)
    {
    }

    public OpenApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = 400;
        Code = "InvalidParameter";
    }

    public int StatusCode { get; }

    public string Code { get; }
}
