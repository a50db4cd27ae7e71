using Ccm.CloudClients.Ecs;

namespace Ccm.Grains.Nodes;

/// <summary>
/// Up to 100 lookups of one kind that share one DescribeInstances (paged by NextToken), each key with the one waiter
/// all its callers share.
/// </summary>
internal sealed record InstanceBatch(InstanceBatch.Kind By, IReadOnlyDictionary<string, TaskCompletionSource<InstanceLookup>> Waiters)
{
    public enum Kind
    {
        InstanceId,
        PrivateIp,
    }

    /// <summary>
    /// The request for this batch. By id there is no VPC filter on purpose: an empty answer deletes Nodes, so it must
    /// mean "no such instance", never "not in the VPC we were told about".
    /// </summary>
    public DescribeInstancesRequest Request(string vpcId) => By == Kind.InstanceId
        ? new DescribeInstancesRequest { InstanceIds = [.. Waiters.Keys], MaxResults = DescribeInstancesRequest.MaxIdsPerCall }
        : new DescribeInstancesRequest { PrivateIpAddresses = [.. Waiters.Keys], VpcId = vpcId, MaxResults = DescribeInstancesRequest.MaxIdsPerCall };

    /// <summary>Answers every waiter from the instances the call returned.</summary>
    public void Complete(IReadOnlyList<Instance> instances)
    {
        foreach (var (key, waiter) in Waiters)
        {
            waiter.TrySetResult(new InstanceLookup([.. instances.Where(i => Matches(i, key)).DistinctBy(i => i.InstanceId)]));
        }
    }

    public void Fail(Exception error)
    {
        foreach (var waiter in Waiters.Values)
        {
            waiter.TrySetException(error);
        }
    }

    private bool Matches(Instance instance, string key) => By == Kind.InstanceId
        ? instance.InstanceId == key
        : PrivateIps(instance).Contains(key);

    /// <summary>VPC instances list their private IPs under VpcAttributes; classic-network ones under InnerIpAddress.</summary>
    public static IReadOnlyList<string> PrivateIps(Instance instance) =>
        instance.VpcAttributes?.PrivateIpAddress is { Count: > 0 } vpc ? vpc : instance.InnerIpAddress;
}
