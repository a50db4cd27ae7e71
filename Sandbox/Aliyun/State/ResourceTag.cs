namespace Ccm.Sandbox.Aliyun.State;

/// <summary>A tag on a resource. The wire spells it <c>TagKey</c>/<c>TagValue</c> for SLB and ECS, <c>Key</c>/<c>Value</c> for VPC.</summary>
public sealed record ResourceTag(string Key, string Value);
