namespace Ccm.Sandbox.Aliyun.Faults;

/// <summary>
/// How a garbled answer is garbled (<see cref="FaultInjector.GarbleAnswers"/>). Each is a complete HTTP 200 answer, so
/// the client reads all of it and has to judge the body: what a gateway, proxy or partial write puts in front of a
/// client in the real world.
/// </summary>
public enum MalformedAnswer
{
    /// <summary>The action's JSON cut off halfway (its Content-Length matches what is sent).</summary>
    Truncated,

    /// <summary>The action's JSON with its first field after <c>RequestId</c> of another JSON type (a list or an object as a string, a scalar as a list).</summary>
    WrongType,

    /// <summary>An HTML error page (<c>text/html</c>) in place of the JSON, as a captive portal or a WAF sends it.</summary>
    Html,
}
