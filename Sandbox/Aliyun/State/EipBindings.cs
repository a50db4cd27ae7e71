namespace Ccm.Sandbox.Aliyun.State;

/// <summary>What becomes of the EIPs bound to a resource that goes away.</summary>
internal static class EipBindings
{
    /// <summary>
    /// The EIPs bound to <paramref name="instanceId"/> become Available at once. No source says what the real VPC does
    /// when a CLB or ECS instance with an EIP is deleted; an EIP bound to nothing that exists would be worse.
    /// </summary>
    public static CloudSnapshot UnbindFrom(this CloudSnapshot s, string instanceId)
    {
        var bound = s.EipAddresses.Values.Where(e => e.InstanceId == instanceId).ToList();
        return bound.Count == 0
            ? s
            : s with
            {
                EipAddresses = s.EipAddresses.SetItems(bound.Select(e =>
                    KeyValuePair.Create(e.AllocationId, e with { InstanceId = null, InstanceType = null, Transition = null }))),
            };
    }
}
