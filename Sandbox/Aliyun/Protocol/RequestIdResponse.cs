namespace Ccm.Sandbox.Aliyun.Protocol;

/// <summary>The answer of every action that returns nothing but its RequestId.</summary>
internal sealed record RequestIdResponse(string RequestId);
